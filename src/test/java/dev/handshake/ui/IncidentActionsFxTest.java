package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Locate error log line, copy curl check and copy redacted, driven from the menus and shortcuts. */
@ExtendWith(ApplicationExtension.class)
class IncidentActionsFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = String.join("\n",
            "http {",
            "    upstream backend_pool { server 10.0.4.21:443; server 10.0.4.22:443; }",
            "    server {",
            "        server_name gateway.example;",
            "        location /pool/ { proxy_pass https://backend_pool; }",
            "        location /v2/ {",
            "            proxy_set_header Authorization \"Bearer s3cr3t-token\";",
            "            proxy_pass https://10.0.4.22:443/v2/;",
            "        }",
            "    }",
            "}", "");

    private static final String LOG_LINE = "2026/11/25 18:01:02 [crit] 1234#1234: *57 SSL_do_handshake() failed "
            + "(SSL: error:0A000458:SSL routines::tlsv1 unrecognized name:SSL alert number 112) while SSL handshaking "
            + "to upstream, client: 192.0.2.10, server: gateway.example, request: \"POST /v2/ingest HTTP/1.1\", "
            + "upstream: \"https://10.0.4.22:443/v2/ingest\", host: \"gateway.example\"";

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("gateway-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).press(key).release(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private static String clipboard() throws Exception {
        return FxWait.fx(() -> Clipboard.getSystemClipboard().getString());
    }

    @Test
    void pastedLogLineJumpsToTheBestMatchAndListsTheOthers(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().moveCaret(0));
        shortcut(robot, KeyCode.L);
        FxWait.until("locate dialog", () -> robot.lookup("#locate-dialog").tryQuery().isPresent());
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(LOG_LINE);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#locate-input");
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        ListView<?> results = robot.lookup("#locate-results").queryAs(ListView.class);
        FxWait.until("two places listed", () -> results.getItems().size() == 2);
        assertTrue(robot.lookup("#locate-summary").queryLabeled().getText().startsWith("2 places proxy to 10.0.4.22:443"));
        assertTrue(robot.lookup("#locate-results .list-cell").queryLabeled().getText().contains("location /v2/"),
                "the location serving /v2/ first");
        robot.clickOn(robot.lookup("#locate-dialog .button").match(n -> n instanceof Button b && b.getText().equals("OK"))
                .queryAs(Button.class));
        int passEnd = CONFIG.indexOf("/v2/;") + "/v2/;".length();
        FxWait.until("caret at the end of the selected proxy_pass", () -> window.editor().caretProperty().get() == passEnd);
        assertTrue(robot.lookup("#status-message").queryLabeled().getText().contains(":8  proxy_pass https://10.0.4.22:443/v2/"),
                robot.lookup("#status-message").queryLabeled().getText());

        shortcut(robot, KeyCode.N);
        int poolEnd = CONFIG.indexOf("backend_pool; }") + "backend_pool;".length();
        FxWait.until("Next Located Block selects the other place", () -> window.editor().caretProperty().get() == poolEnd);
        assertTrue(robot.lookup("#status-message").queryLabeled().getText().startsWith("2 of 2: "),
                robot.lookup("#status-message").queryLabeled().getText());
        shortcut(robot, KeyCode.N);
        FxWait.until("and wraps to the best", () -> window.editor().caretProperty().get() == passEnd);
    }

    @Test
    void copyRedactedFromTheFileMenu(FxRobot robot) throws Exception {
        robot.clickOn("#menu-file").clickOn("Copy Redacted");
        FxWait.until("redacted text on the clipboard", () -> {
            String copied = Clipboard.getSystemClipboard().getString();
            return copied != null && copied.contains("Authorization \"[REDACTED]\"");
        });
        assertEquals(CONFIG.replace("Bearer s3cr3t-token", "[REDACTED]"), clipboard());
        assertTrue(robot.lookup("#status-message").queryLabeled().getText().startsWith("Copied with 1 value masked"));
        assertEquals(CONFIG, FxWait.fx(window.editor()::text), "the buffer is untouched");
    }

    @Test
    void copyCurlCheckForTheConnectionAtTheCaret(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().moveCaret(CONFIG.indexOf("location /pool/") + 3));
        robot.clickOn("#menu-code").clickOn("Copy curl Check");
        FxWait.until("curl dialog", () -> robot.lookup("#curl-check-text").tryQuery().isPresent());
        String shown = robot.lookup("#curl-check-text").queryAs(TextArea.class).getText();
        assertEquals(shown, clipboard());
        assertTrue(shown.contains("# nginx sends no SNI here (proxy_ssl_server_name off)"), shown);
        assertTrue(shown.contains("curl -sv -H 'Host: backend_pool' https://10.0.4.21:443/pool/\n"), shown);
        assertTrue(shown.contains("curl -sv -H 'Host: backend_pool' https://10.0.4.22:443/pool/\n"), shown);
        robot.clickOn(robot.lookup("#curl-check-dialog .button").queryAs(Button.class));
    }

    /** After an edit the helpers wait for a background analysis of the new text; the FX thread analyses nothing. */
    @Test
    void locatingRightAfterAnEditWaitsForTheBackgroundAnalysis() throws Exception {
        FxWait.until("first analysis", () -> window.editor().analysisProperty().get() != null
                && window.editor().analysisProperty().get().text().equals(CONFIG));
        String edited = "# moved down\n" + CONFIG;
        boolean analysedAtOnce = FxWait.fx(() -> {
            window.editor().replaceRange(new dev.handshake.text.TextRange(0, 0), "# moved down\n");
            window.incidents().locate(LOG_LINE);
            // Still on the FX thread, straight after the call: no analysis of the edited text was made here.
            return window.editor().analysisProperty().get().text().equals(edited);
        });
        org.junit.jupiter.api.Assertions.assertFalse(analysedAtOnce, "the FX thread did not analyse");
        int passEnd = edited.indexOf("/v2/;") + "/v2/;".length();
        FxWait.until("jumped to the best place in the edited text", () -> window.editor().caretProperty().get() == passEnd);
    }
}
