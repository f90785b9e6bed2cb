package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.TextRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The incident helpers use a finished analysis: after an edit they wait for one in the background, never on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class IncidentAnalysisFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = "http {\n    server {\n        location / {\n            proxy_pass https://10.0.4.22:443;\n"
            + "        }\n    }\n}\n";

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

    @Test
    void locatingRightAfterAnEditWaitsForTheBackgroundAnalysis() throws Exception {
        FxWait.until("first analysis", () -> window.editor().analysisProperty().get() != null
                && window.editor().analysisProperty().get().text().equals(CONFIG));
        String edited = "# moved down\n" + CONFIG;
        boolean[] analysedAtOnce = new boolean[1];
        fx(() -> {
            window.editor().replaceRange(new TextRange(0, 0), "# moved down\n");
            window.incidents().locate("[error] SSL_do_handshake() failed while SSL handshaking to upstream,"
                    + " upstream: \"https://10.0.4.22:443/\"");
            // Still on the FX thread, straight after the call: no analysis of the edited text was made here.
            analysedAtOnce[0] = window.editor().analysisProperty().get().text().equals(edited);
            return null;
        });
        org.junit.jupiter.api.Assertions.assertFalse(analysedAtOnce[0], "the FX thread did not analyse");
        assertTrue(fx(() -> window.status().busy()) || fx(() -> window.editor().analysisProperty().get().text().equals(edited)),
                "busy until the analysis arrives");
        int passEnd = edited.indexOf("443;") + "443;".length();
        FxWait.until("jumped to the proxy_pass in the edited text", () -> window.editor().caretProperty().get() == passEnd);
        assertNotEquals(CONFIG, fx(() -> window.editor().text()));
    }
}
