package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.editor.Analysis;
import dev.handshake.lint.Severity;
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

/** The editor driven from the keyboard, headless: type, see the finding, fix it, undo, save. */
@ExtendWith(ApplicationExtension.class)
class EditorFxTest {

    static {
        // Monocle's headless screen is 1280x800 by default; the window is larger.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = "server {\n    location / {\n        proxy_pass https://backend;\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("site-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void typeSeeFindingFixUndoAndSave(FxRobot robot) throws Exception {
        var editor = window.editor();
        int afterPass = CONFIG.indexOf("backend;") + "backend;".length();
        robot.interact(() -> editor.moveCaret(afterPass));
        robot.type(KeyCode.ENTER);
        robot.write("proxy_ssl_verify off;");
        String typed = CONFIG.substring(0, afterPass) + "\n        proxy_ssl_verify off;" + CONFIG.substring(afterPass);
        FxWait.until("typed text with auto-indent", () -> editor.text().equals(typed));
        int off = typed.indexOf("off;");
        FxWait.until("warning underline on the directive",
                () -> editor.styleClassesAt(off).contains(Analysis.problemStyle(Severity.WARNING)));
        FxWait.until("Problems entry", () -> window.problems().visibleRows().stream()
                .anyMatch(p -> p.diagnostic().rule().equals(TestRules.VERIFY_OFF) && p.location().endsWith(":4")));
        assertTrue(FxWait.fx(() -> window.stage().getTitle()).startsWith("*"), "title shows the modified marker");

        robot.interact(() -> editor.moveCaret(off));
        robot.press(KeyCode.ALT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.ALT);
        FxWait.until("quick-fix menu", () -> robot.lookup("Verify the certificate: set proxy_ssl_verify on").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        String fixed = typed.replace("proxy_ssl_verify off;", "proxy_ssl_verify on;");
        FxWait.until("fixed text", () -> editor.text().equals(fixed));
        FxWait.until("finding gone", () -> window.problems().visibleRows().isEmpty());

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        FxWait.until("undo restores the typed text in one step", () -> editor.text().equals(typed));

        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        FxWait.until("save review", () -> robot.lookup("#review-summary").tryQuery().isPresent());
        assertEquals("1 of 1 change will be saved", robot.lookup("#review-summary").queryLabeled().getText());
        robot.type(KeyCode.ENTER);
        FxWait.until("saved", () -> !editor.modifiedProperty().get());
        assertEquals(typed, Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(FxWait.fx(() -> window.stage().getTitle()).startsWith("*"));
        assertEquals(file.getFileName() + " — Handshake", FxWait.fx(() -> window.stage().getTitle()));
    }

    /** Alt+Enter straight after typing, before the pause-triggered analysis: the menu waits for it. */
    @Test
    void quickFixRightAfterTypingOffersTheNewFinding(FxRobot robot) throws Exception {
        var editor = window.editor();
        int afterPass = CONFIG.indexOf("backend;") + "backend;".length();
        String inserted = "\n        proxy_ssl_verify off;";
        robot.interact(() -> {
            editor.replaceRange(new dev.handshake.text.TextRange(afterPass, afterPass), inserted);
            editor.moveCaret(afterPass + inserted.indexOf("off"));
        });
        robot.press(KeyCode.ALT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.ALT);
        FxWait.until("quick-fix menu for the new finding",
                () -> robot.lookup("Verify the certificate: set proxy_ssl_verify on").tryQuery().isPresent());
    }
}
