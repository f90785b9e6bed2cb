package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
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
 * The completion list opens by itself while a directive name is typed, typing goes on into the buffer and
 * narrows it, Esc closes it for that word, Ctrl+Space still opens it, Enter inserts the choice.
 */
@ExtendWith(ApplicationExtension.class)
class CompletionPopupFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String TEXT = "http {\n    server {\n        \n    }\n}\n";
    private static final int BLANK = TEXT.indexOf("        \n") + 8;

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("complete-" + System.nanoTime() + ".conf");
        Files.writeString(file, TEXT, StandardCharsets.UTF_8);
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private List<String> shown(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<dev.handshake.ui.editor.Completion.Candidate> list = robot.lookup(".completion-list").queryAs(ListView.class);
        return list.getItems().stream().map(dev.handshake.ui.editor.Completion.Candidate::text).toList();
    }

    private String typedLine() throws Exception {
        String text = fx(() -> window.editor().text());
        int end = text.indexOf('\n', BLANK);
        return text.substring(BLANK, end);
    }

    @Test
    void opensWhileTypingAndTypingGoesOn(FxRobot robot) throws Exception {
        var editor = window.editor();
        robot.interact(() -> editor.moveCaret(BLANK));
        robot.type(KeyCode.P, KeyCode.R);
        until("opened by itself after two letters", editor::completionShowing);
        assertTrue(shown(robot).contains("proxy_bind") && shown(robot).stream().allMatch(s -> s.startsWith("pr")), shown(robot).toString());
        robot.type(KeyCode.O, KeyCode.X, KeyCode.Y);
        until("letters went into the buffer", () -> typedLine().equals("proxy"));
        robot.press(KeyCode.SHIFT).type(KeyCode.MINUS).release(KeyCode.SHIFT);
        robot.type(KeyCode.S, KeyCode.S, KeyCode.L);
        until("typing goes on", () -> typedLine().equals("proxy_ssl"));
        until("the list narrowed, past the first page of names", () -> editor.completionShowing()
                && shown(robot).contains("proxy_ssl_verify") && shown(robot).stream().allMatch(s -> s.startsWith("proxy_ssl")));
        robot.type(KeyCode.ESCAPE);
        until("Esc closes it", () -> !editor.completionShowing());
        assertEquals("proxy_ssl", typedLine(), "Esc changed no text");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        until("Ctrl+Space opens it again", editor::completionShowing);
        String first = shown(robot).get(0);
        robot.type(KeyCode.DOWN);
        String second = shown(robot).get(1);
        robot.type(KeyCode.ENTER);
        until("the chosen name inserted", () -> typedLine().equals(second));
        assertFalse(fx(editor::completionShowing));
        assertTrue(!first.equals(second));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        until("one undo step takes the insertion back", () -> typedLine().equals("proxy_ssl"));
    }

    @Test
    void enterWithoutTheListStillBreaksTheLine(FxRobot robot) throws Exception {
        var editor = window.editor();
        robot.interact(() -> editor.moveCaret(BLANK));
        robot.type(KeyCode.L, KeyCode.I);
        until("opened", editor::completionShowing);
        robot.type(KeyCode.ESCAPE);
        until("closed", () -> !editor.completionShowing());
        robot.type(KeyCode.ENTER);
        until("a new line", () -> fx(editor::text).contains("        li\n        \n"));
    }
}
