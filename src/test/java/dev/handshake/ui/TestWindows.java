package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens and closes editor windows for TestFX tests, each with its own throwaway recent-files store. */
final class TestWindows {

    private TestWindows() {
    }

    /** A shown window on {@code stage} that has opened {@code file}. Call on the FX thread (a {@code @Start}). */
    static MainWindow open(Stage stage, Linter linter, Path file) {
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        MainWindow window = new MainWindow(stage, linter, new RecentFiles(prefs));
        stage.show();
        assertTrue(window.open(file), "opened " + file);
        return window;
    }

    /** Disposes of {@code window} and hides it, waiting for the FX thread. */
    static void close(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            window.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }
}
