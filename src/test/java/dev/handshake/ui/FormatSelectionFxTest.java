package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.TextRange;
import java.nio.charset.StandardCharsets;
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

/** Code > Format Selection (Ctrl+Alt+Shift+L): only the selected statements' lines, one undo step. */
@ExtendWith(ApplicationExtension.class)
class FormatSelectionFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String MESSY = "http {\nserver {\n  listen   80 ;  # port\n      server_name   a.example ;\n"
            + "  location / {\n  return   200 ;\n  }\n}\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("format-" + System.nanoTime() + ".conf");
        Files.writeString(file, MESSY, StandardCharsets.UTF_8);
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void formatsTheSelectedLinesOnlyAsOneUndoStep(FxRobot robot) throws Exception {
        var editor = window.editor();
        int from = MESSY.indexOf("listen");
        int to = MESSY.indexOf("a.example");
        robot.interact(() -> editor.select(new TextRange(from, to)));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.ALT, KeyCode.CONTROL);
        String expected = MESSY.replace("  listen   80 ;  # port\n", "        listen 80; # port\n")
                .replace("      server_name   a.example ;\n", "        server_name a.example;\n");
        until("two lines formatted", () -> editor.text().equals(expected));
        assertTrue(expected.contains("  location / {\n  return   200 ;\n"), "the rest as written");
        assertEquals("Formatted the selected lines", robot.lookup("#status-message").queryLabeled().getText());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        until("one undo step", () -> editor.text().equals(MESSY));
    }

    @Test
    void aFileWithSyntaxErrorsIsLeftAloneWithTheReason(FxRobot robot) throws Exception {
        var editor = window.editor();
        String broken = MESSY.substring(0, MESSY.length() - 2);
        robot.interact(() -> {
            editor.replaceAll(broken);
            editor.select(new TextRange(0, 10));
        });
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.ALT, KeyCode.CONTROL);
        until("reason shown", () -> robot.lookup("#status-message").queryLabeled().getText()
                .equals("Not formatted: fix the syntax errors first"));
        assertEquals(broken, fx(editor::text));
    }
}
