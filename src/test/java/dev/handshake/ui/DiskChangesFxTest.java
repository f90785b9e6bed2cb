package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.TextRange;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Changes made on disk by another program: an untouched tab follows them, an edited one asks on save. */
@ExtendWith(ApplicationExtension.class)
class DiskChangesFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String FIRST = "events {}\nhttp {\n    server { listen 80; }\n}\n";
    private static final String OUTSIDE = "events {}\nhttp {\n    server { listen 8080; }\n}\n";

    @TempDir
    Path dir;

    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.writeString(dir.resolve("nginx.conf"), FIRST);
        window = TestWindows.open(stage, TestRules.linter(), file);
        window.settings().apply(window.settings().current().withReviewBeforeSave(false));
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-message").queryLabeled().getText();
    }

    @Test
    void anUntouchedTabReloadsWhenTheFileChangesOnDisk(FxRobot robot) throws Exception {
        FxWait.until("analysed", () -> window.editor().analysisProperty().get() != null);
        Files.writeString(file, OUTSIDE);
        FxWait.until("reloaded", () -> window.editor().text().equals(OUTSIDE));
        assertEquals("Reloaded nginx.conf: it changed on disk", status(robot));
        assertEquals(false, FxWait.fx(() -> window.editor().modifiedProperty().get()));
    }

    @Test
    void anEditedTabIsToldAndSaveOffersReloadFromDisk(FxRobot robot) throws Exception {
        FxWait.until("analysed", () -> window.editor().analysisProperty().get() != null);
        robot.interact(() -> window.editor().replaceRange(TextRange.at(0), "# mine\n"));
        Files.writeString(file, OUTSIDE);
        FxWait.until("told", () -> status(robot).equals("nginx.conf changed on disk; Save will ask to overwrite or reload"));
        assertEquals("# mine\n" + FIRST, FxWait.fx(window.editor()::text), "the edit is kept");

        robot.interact(window.editor()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until("asked", () -> robot.lookup("Reload from Disk").tryQuery().isPresent());
        javafx.scene.control.TextArea diff = (javafx.scene.control.TextArea) FxWait.fx(() ->
                robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getExpandableContent());
        assertTrue(FxWait.fx(diff::getText).contains("+# mine"), "the details show how the buffer differs from the disk");
        assertTrue(diff.getStyleClass().contains("diff-preview"), "the diff is set in the monospaced diff style");
        robot.clickOn("Reload from Disk");
        FxWait.until("the disk's text", () -> window.editor().text().equals(OUTSIDE));
        assertEquals(OUTSIDE, Files.readString(file), "nothing written");
    }

    @Test
    void anIncludedFileChangedOutsideIsReadAgainByTheTabThatIncludesIt(FxRobot robot) throws Exception {
        Path included = Files.writeString(dir.resolve("inc.conf"), "server { proxy_ssl_verify off; }\n");
        Files.writeString(file, "events {}\nhttp {\n    include inc.conf;\n}\n");
        FxWait.until("the main tab reloaded and reads the include's finding", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis != null && analysis.lint() != null && analysis.lint().in(included.toAbsolutePath().normalize()).size() == 1;
        });
        Files.writeString(included, "server { listen 81; }\n");
        FxWait.until("the include's change on disk (no tab shows it) is analysed again: no stale finding", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis.lint().in(included.toAbsolutePath().normalize()).isEmpty();
        });
        assertEquals(1, FxWait.fx(() -> window.tabs().all().size()), "the include was not opened for it");
    }
}
