package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.lint.Linter;
import dev.handshake.ui.editor.Analysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Latency probe (not part of the normal suite; run with {@code -Dtest=EditorLatencyProbe}): types into
 * the 35k-line corpus config headless and reports the FX-thread time per keystroke and the time from a
 * keystroke to updated underlines.
 */
@ExtendWith(ApplicationExtension.class)
class EditorLatencyProbe {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final int KEYSTROKES = 15;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Linter.standard(),
                new RecentFiles(Preferences.userRoot().node("dev/handshake/probe-" + System.nanoTime())));
        stage.show();
    }

    @Test
    void oneVeryLongLine(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder line = new StringBuilder("http { map $http_x $y {");
        for (int i = 0; i < 6000; i++) {
            line.append(" key").append(i).append(" value").append(i).append(';');
        }
        Path file = dir.resolve("long-line.conf");
        Files.writeString(file, line.append(" } }\n").toString());
        probe(robot, file, "key0");
    }

    @Test
    void largeConfig(FxRobot robot) throws Exception {
        Path large = Corpus.root().resolve("large/nginx.conf");
        Assumptions.assumeTrue(Files.exists(large), "corpus not available");
        probe(robot, large, "proxy_pass");
    }

    private void probe(FxRobot robot, Path large, String typeAt) throws Exception {
        long openStart = System.nanoTime();
        assertTrue(fx(() -> window.open(large)));
        long openMs = (System.nanoTime() - openStart) / 1_000_000;
        var editor = window.editor();
        until("first analysis", 120, () -> editor.analysisProperty().get() != null);
        long firstMs = (System.nanoTime() - openStart) / 1_000_000;
        AtomicLong pressedAt = new AtomicLong();
        AtomicLong handledNanos = new AtomicLong();
        robot.interact(() -> window.stage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            long t0 = System.nanoTime();
            pressedAt.set(t0);
            // Runs once the FX thread has finished handling this key event and the pulse it caused.
            Platform.runLater(() -> handledNanos.set(System.nanoTime() - t0));
        }));
        int offset = fx(() -> editor.text().indexOf(typeAt));
        robot.interact(() -> editor.moveCaret(offset));
        List<Long> fxTimes = new ArrayList<>();
        List<Long> toUnderlines = new ArrayList<>();
        List<Long> applyTimes = new ArrayList<>();
        for (int i = 0; i < KEYSTROKES; i++) {
            Analysis before = fx(() -> editor.analysisProperty().get());
            handledNanos.set(0);
            robot.type(i % 2 == 0 ? KeyCode.X : KeyCode.BACK_SPACE);
            until("key handled", () -> handledNanos.get() > 0);
            fxTimes.add(handledNanos.get());
            until("analysis after the keystroke", 120, () -> editor.analysisProperty().get() != before
                    && editor.analysisProperty().get().text().length() == editor.text().length());
            toUnderlines.add(System.nanoTime() - pressedAt.get());
            applyTimes.add(fx(editor::lastApplyNanos));
        }
        System.out.printf(Locale.ROOT, "LATENCY %s: %d lines, %d chars, open %d ms, first findings %d ms%n",
                large.getFileName(), fx(editor::lineCount), fx(() -> editor.text().length()), openMs, firstMs);
        report("FX thread per keystroke (event + pulse)", fxTimes);
        report("FX thread to show one analysis", applyTimes);
        report("keystroke to updated underlines (150 ms pause included)", toUnderlines);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "LATENCY %s: median %.1f ms, max %.1f ms (n=%d)%n", what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
