package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without host services (no browser), a directive card's nginx.org link lands on the clipboard, with a message. */
@ExtendWith(ApplicationExtension.class)
class LinkFallbackFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = "http {\n    server {\n        listen 80;\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("links-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        window = new MainWindow(stage, TestRules.linter(),
                new RecentFiles(Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime())));
        stage.show();
        assertTrue(window.open(file));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            window.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void nginxOrgLinkIsCopied(FxRobot robot) throws Exception {
        until("analysed", () -> fx(() -> window.editor().analysisProperty().get() != null));
        CodeArea area = robot.lookup(".config-editor").queryAs(CodeArea.class);
        int at = CONFIG.indexOf("listen") + 2;
        Bounds bounds = fx(() -> area.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getCenterX(), bounds.getCenterY()));
        until("card", () -> robot.lookup(".card-link").tryQuery().isPresent());
        Hyperlink link = robot.lookup(".card-link").queryAs(Hyperlink.class);
        String url = link.getText();
        assertTrue(url.contains("nginx.org/"), url);
        robot.clickOn(link);
        until("copied", () -> fx(() -> url.equals(Clipboard.getSystemClipboard().getString())));
        until("told", () -> robot.lookup("#status-message").queryLabeled().getText().contains("copied " + url));
    }
}
