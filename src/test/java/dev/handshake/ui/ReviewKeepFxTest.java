package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The save review's Keep boxes decide the bytes written: two fixes two lines apart are two changes, one
 * reverted in the side-by-side view is reverted in the unified one too, and the file gets exactly its old
 * bytes plus the kept change, CRLF line endings included.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewKeepFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String ORIGINAL = "events {\r\n}\r\nhttp {\r\n    server {\r\n        listen 80;\r\n"
            + "        server_name a.example;\r\n        proxy_ssl_verify off;\r\n    }\r\n}\r\n";

    @TempDir
    static Path dir;

    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("keep-" + System.nanoTime() + ".conf");
        Files.write(file, ORIGINAL.getBytes(StandardCharsets.UTF_8));
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void onlyTheKeptChangeIsWrittenWithTheFilesLineEndings(FxRobot robot) throws Exception {
        String buffer = fx(() -> window.editor().text());
        robot.interact(() -> window.editor().replaceAll(buffer.replace("listen 80;", "listen 8080;")
                .replace("verify off;", "verify on;")));
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        until("review", () -> robot.lookup("#keep-hunk-1").tryQuery().isPresent());
        assertEquals("2 of 2 changes will be saved", robot.lookup("#review-summary").queryLabeled().getText());
        robot.interact(() -> robot.lookup(".save-review .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        until("side-by-side keep box", () -> robot.lookup("#side-keep-hunk-0").tryQuery().isPresent());
        robot.clickOn((CheckBox) robot.lookup("#side-keep-hunk-0").query());
        until("summary", () -> robot.lookup("#review-summary").queryLabeled().getText().equals("1 of 2 changes will be saved"));
        assertFalse(fx(() -> ((CheckBox) robot.lookup("#keep-hunk-0").query()).isSelected()), "one choice for both views");
        robot.clickOn("Save");
        until("saved", () -> !window.editor().modifiedProperty().get());
        byte[] expected = ORIGINAL.replace("verify off;", "verify on;").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(file));
    }
}
