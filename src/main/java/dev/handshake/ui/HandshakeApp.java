package dev.handshake.ui;

import dev.handshake.lint.Linter;
import dev.handshake.ui.recovery.RecoveryStore;
import dev.handshake.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop editor. Started by {@code dev.handshake.Launcher}; opens the file given as the first
 * argument, or with none the bundled example of a broken gateway, so a newcomer sees findings at once.
 */
public final class HandshakeApp extends Application {

    private MainWindow window;

    /** Starts the toolkit and opens the editor window; returns when the window closes. */
    public static void launchEditor(String[] args) {
        quietUnnamedModuleWarning();
        Application.launch(HandshakeApp.class, args);
    }

    /**
     * The jar runs JavaFX from the class path (a single runnable jar; jpackage images carry the modules), and
     * JavaFX logs one "Unsupported JavaFX configuration ... unnamed module" warning for that on every start.
     * It is not actionable for a user, so that one record is filtered; every other JavaFX message passes.
     */
    public static void quietUnnamedModuleWarning() {
        JAVAFX_LOG.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** Held strongly: java.util.logging forgets a logger's filter when nothing references the logger. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, Linter.standard());
        window.useSettings(SettingsStore.standard());
        window.useRecovery(RecoveryStore.standard());
        window.useBrowser(getHostServices()::showDocument);
        List<String> args = getParameters().getUnnamed();
        stage.show();
        if (args.isEmpty()) {
            window.openExample();
        } else {
            window.openOrExample(Path.of(args.get(0)));
        }
        String report = System.getProperty(STARTUP_REPORT);
        if (report != null && !report.isBlank()) {
            reportStartup(stage, window, Path.of(report));
        }
        if (Boolean.getBoolean(SMOKE_TEST)) {
            closeAfterFrames(stage, 3, Platform::exit);
        } else if (report == null || report.isBlank()) {
            Platform.runLater(window::offerRecovery);
        }
    }

    /**
     * Hidden switch for packaging/check-package.sh and the packaged app's start-up cache training run
     * ({@code -Dhandshake.smokeTest=true}): the editor quits by itself once it has drawn its first frames.
     */
    static final String SMOKE_TEST = "handshake.smokeTest";

    /**
     * Hidden switch for the start-up probe ({@code -Dhandshake.startupReport=FILE}): writes to FILE, as
     * wall-clock milliseconds ({@link System#currentTimeMillis}: the probe subtracts its own start), when the first frame with the window showing was drawn
     * ({@code first-frame}) and when the first analysis with findings was on screen ({@code findings}), then quits.
     */
    static final String STARTUP_REPORT = "handshake.startupReport";

    private static void reportStartup(Stage stage, MainWindow window, Path file) {
        long[] firstFrame = {-1};
        long[] findings = {-1};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!stage.isShowing()) {
                    return;
                }
                long uptime = System.currentTimeMillis();
                if (firstFrame[0] < 0) {
                    firstFrame[0] = uptime;
                }
                var shown = window.editor() == null ? null : window.editor().analysisProperty().get();
                if (shown != null && shown.lint() != null) {
                    findings[0] = uptime;
                    stop();
                    try {
                        java.nio.file.Files.writeString(file, "first-frame=" + firstFrame[0] + "\nfindings=" + findings[0] + "\n");
                    } catch (java.io.IOException e) {
                        Logger.getLogger(HandshakeApp.class.getName()).warning("cannot write " + file + ": " + e.getMessage());
                    }
                    Platform.exit();
                }
            }
        }.start();
    }

    /** Runs {@code close} on the FX thread once {@code stage} is showing and {@code frames} pulses have passed. */
    static void closeAfterFrames(Stage stage, int frames, Runnable close) {
        new AnimationTimer() {
            private int shown;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++shown >= frames) {
                    stop();
                    close.run();
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
