package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Fix all keeps out of a block with a syntax error and says why on the status line, headless. */
@ExtendWith(ApplicationExtension.class)
class FixAllSyntaxGuardFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String ONE_BROKEN = "http {\n    server {\n        location /a {\n            proxy_pass https://a.example;\n"
            + "            proxy_ssl_verify off;\n        }\n        location /b {\n            proxy_pass https://b.example;;\n"
            + "            proxy_ssl_verify off;\n        }\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        window = new MainWindow(stage, TestRules.linter(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void theHealthyBlockIsFixedAndTheBrokenOneIsLeftWithTheReason(FxRobot robot) throws Exception {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, ONE_BROKEN, StandardCharsets.UTF_8);
        assertTrue(fx(() -> window.open(file)));
        var editor = window.editor();
        until("two findings", () -> {
            var analysis = editor.analysisProperty().get();
            return analysis != null && analysis.diagnostics().stream().filter(d -> d.rule().equals(TestRules.VERIFY_OFF)).count() == 2;
        });
        robot.interact(editor::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT, KeyCode.CONTROL);
        String fixed = ONE_BROKEN.replaceFirst("proxy_ssl_verify off;", "proxy_ssl_verify on;");
        until("only /a fixed", () -> editor.text().equals(fixed));
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        until("the reason is shown", () -> status.getText().contains(
                "1 not applied: the block has a syntax error at 8:42; fix it first"));
    }
}
