package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.recovery.RecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A crash loses no typing (issue 13 §4), in the window: typing writes a recovery copy within seconds; a
 * new window offers it with its diff and Restore brings the text back, modified and unsaved; Save, Don't
 * Save, Discard and undoing to the saved text remove the copy. (RecoveryKillTest kills a real process.)
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Timeout(120)
class RecoveryFxTest {

    private static final String CONFIG = "server {\n    listen 80;\n}\n";

    @TempDir
    Path dir;

    private MainWindow window;
    private MainWindow second;
    private Path file;
    private RecoveryStore store;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("site.conf");
        Files.writeString(file, CONFIG);
        store = new RecoveryStore(dir.resolve("state").resolve("recovery"));
        window = TestWindows.open(stage, TestRules.linter(), file);
        window.useRecovery(store);
        window.settings().apply(window.settings().current().withReviewBeforeSave(false));
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            TestWindows.close(window);
        }
        if (second != null) {
            TestWindows.close(second);
        }
    }

    private Optional<RecoveryStore.Entry> copyOf(Path original) {
        return store.list().entries().stream().filter(e -> e.original().equals(Optional.of(original))).findFirst();
    }

    private void typeAtEnd(FxRobot robot, String text) {
        robot.interact(() -> window.editor().moveCaret(window.editor().text().length()));
        robot.write(text);
    }

    /** A second editor window in this JVM, as a restarted app would open, using the same recovery folder. */
    private MainWindow restarted() throws Exception {
        second = FxWait.fx(() -> {
            MainWindow opened = new MainWindow(new Stage(), TestRules.linter(),
                    new RecentFiles(Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime())));
            opened.useRecovery(store);
            opened.settings().apply(opened.settings().current().withReviewBeforeSave(false));
            opened.stage().show();
            opened.openExample();
            return opened;
        });
        return second;
    }

    @Test
    void typedTextIsOfferedAndRestoredInANewWindow(FxRobot robot) throws Exception {
        typeAtEnd(robot, "# typed before the crash");
        String typed = CONFIG + "# typed before the crash";
        FxWait.until("the recovery copy holds the typing", () -> copyOf(file).map(e -> e.text().equals(typed)).orElse(false));
        assertEquals(CONFIG, Files.readString(file), "the file itself is untouched");
        TestWindows.close(window); // no Save, no Don't Save: the copy stays, as after a crash
        window = null;
        assertTrue(copyOf(file).isPresent(), "closing without a choice keeps the copy");

        MainWindow next = restarted();
        robot.interact(() -> Platform.runLater(next::offerRecovery));
        FxWait.until("the restore offer", () -> robot.lookup("#recovery-offer").tryQuery().isPresent());
        TextArea diff = robot.lookup("#recovery-diff-0").queryAs(TextArea.class);
        String shown = FxWait.fx(diff::getText);
        assertTrue(shown.contains("--- a/site.conf") && shown.contains("+# typed before the crash"), shown);
        robot.clickOn("#recovery-restore-0");
        FxWait.until("offer closed", () -> robot.lookup("#recovery-offer").tryQuery().isEmpty());

        assertEquals(typed, FxWait.fx(() -> next.editor().text()));
        assertEquals(file, FxWait.fx(() -> next.editor().pathProperty().get()));
        assertTrue(FxWait.fx(() -> next.editor().modifiedProperty().get()), "restored text is modified, not saved");
        assertEquals(CONFIG, Files.readString(file), "restoring writes nothing to the file");
        robot.interact(() -> next.editor().undo());
        assertEquals(CONFIG, FxWait.fx(() -> next.editor().text()), "undo gives back the text on disk");
        FxWait.until("undone to the saved text: the copy goes", () -> copyOf(file).isEmpty());
        robot.interact(() -> next.editor().redo());
        robot.interact(() -> next.tabs().current().save());
        assertEquals(typed, Files.readString(file));
        FxWait.until("saved: no copy", () -> copyOf(file).isEmpty());
    }

    @Test
    void savingRemovesTheCopy(FxRobot robot) throws Exception {
        typeAtEnd(robot, "# more");
        FxWait.until("copy written", () -> copyOf(file).isPresent());
        robot.interact(() -> window.tabs().current().save());
        FxWait.until("copy removed on save", () -> copyOf(file).isEmpty());
        typeAtEnd(robot, "x");
        FxWait.until("copy again after the next change", () -> copyOf(file).isPresent());
    }

    @Test
    void dontSaveOnCloseRemovesTheCopyAndDiscardInTheOfferDeletesIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().addUntitled());
        robot.interact(() -> window.editor().replaceAll("events {}"));
        FxWait.until("untitled copy", () -> store.list().entries().stream().anyMatch(e -> e.original().isEmpty()
                && e.text().equals("events {}")));
        robot.interact(() -> Platform.runLater(window::closeFile));
        FxWait.until("asked", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(robot.from(ask).lookup(".button").match(n -> n instanceof Button b && "Don't Save".equals(b.getText()))
                .queryButton());
        FxWait.until("Don't Save removes the copy", () -> store.list().entries().isEmpty());

        typeAtEnd(robot, "# left behind");
        FxWait.until("copy written", () -> copyOf(file).isPresent());
        TestWindows.close(window);
        window = null;
        Files.writeString(store.folder().resolve("notes.txt"), "not ours");
        MainWindow next = restarted();
        robot.interact(() -> Platform.runLater(next::offerRecovery));
        FxWait.until("the restore offer", () -> robot.lookup("#recovery-offer").tryQuery().isPresent());
        assertTrue(robot.lookup("#recovery-restore-1").tryQuery().isEmpty(), "one copy offered, the foreign file not");
        robot.clickOn("#recovery-discard-0");
        FxWait.until("offer closed", () -> robot.lookup("#recovery-offer").tryQuery().isEmpty());
        assertEquals(List.of(), store.list().entries(), "Discard deletes the copy");
        assertTrue(FxWait.fx(() -> next.tabs().all().stream().noneMatch(d -> file.equals(d.savedPath()))),
                "nothing opened");
        assertTrue(FxWait.fx(() -> next.status().node().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().contains("notes.txt"))),
                "the foreign file is named in the status bar");
    }

    @Test
    void anUntitledBufferIsRestoredUnderItsName(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().addUntitled());
        robot.interact(() -> window.editor().replaceAll("http {}\n"));
        FxWait.until("untitled copy", () -> store.list().entries().stream().anyMatch(e -> e.original().isEmpty()));
        TestWindows.close(window);
        window = null;
        MainWindow next = restarted();
        robot.interact(() -> Platform.runLater(next::offerRecovery));
        FxWait.until("the restore offer", () -> robot.lookup("#recovery-offer").tryQuery().isPresent());
        robot.clickOn("#recovery-restore-0");
        FxWait.until("offer closed", () -> robot.lookup("#recovery-offer").tryQuery().isEmpty());
        assertEquals("http {}\n", FxWait.fx(() -> next.editor().text()));
        assertEquals("untitled.conf", FxWait.fx(() -> next.tabs().current().name()));
        assertFalse(FxWait.fx(() -> next.tabs().current().savedPath() != null));
        assertTrue(FxWait.fx(() -> next.editor().modifiedProperty().get()));
        assertEquals(1, store.list().entries().size(), "the restored buffer keeps its copy until it is saved or discarded");
    }
}
