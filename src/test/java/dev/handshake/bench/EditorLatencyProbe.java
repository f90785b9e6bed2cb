package dev.handshake.bench;

import dev.handshake.Corpus;
import dev.handshake.io.SourceFiles;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Headless editor latency probe (prints numbers, asserts nothing): opens the 35k-line corpus config in
 * the real editor under Monocle, types characters into a location block, and reports
 * <ul>
 *   <li>FX-thread time per keystroke: how long the edit itself holds the FX thread;</li>
 *   <li>the longest FX-thread stall while typing and analysing (a 1 ms heartbeat on the FX thread);</li>
 *   <li>keystroke to underlines: from the keystroke until the analysis of exactly that text is applied.</li>
 * </ul>
 * Run with {@code ./mvnw -Pprobe verify} (optionally {@code -Dprobe.file=PATH}).
 */
public final class EditorLatencyProbe {

    private static final int WARMUP = 5;
    private static final int KEYSTROKES = 30;

    private EditorLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path file = args.length > 0 ? Path.of(args[0]) : Corpus.root().resolve("large/nginx.conf");
        SourceText source = SourceFiles.read(file);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConfigEditor editor = onFx(() -> {
            ConfigEditor created = new ConfigEditor(Linter.standard());
            Stage stage = new Stage();
            stage.setScene(new Scene(new javafx.scene.layout.BorderPane(created.node()), 1200, 800));
            stage.show();
            return created;
        });
        long openStart = System.nanoTime();
        onFx(() -> {
            editor.load(file, source);
            return null;
        });
        double openMs = (System.nanoTime() - openStart) / 1e6;
        int lines = onFx(editor::lineCount);
        int caret = onFx(() -> editor.text().indexOf("location") + "location".length());
        System.out.printf(Locale.ROOT, "file %s: %d lines, %d chars; open (load, colour, first analysis) %.0f ms%n",
                file, lines, source.text().length(), openMs);

        AtomicLong worstGapNanos = new AtomicLong();
        Heartbeat heartbeat = new Heartbeat(worstGapNanos);
        List<Double> fxMillis = new ArrayList<>();
        List<Double> underlineMillis = new ArrayList<>();
        heartbeat.start();
        for (int i = 0; i < WARMUP + KEYSTROKES; i++) {
            int at = caret + i;
            String typedChar = i % 2 == 0 ? " " : "x";
            long[] typedAt = new long[2];
            onFx(() -> {
                typedAt[0] = System.nanoTime();
                editor.replaceRange(new TextRange(at, at), typedChar);
                typedAt[1] = System.nanoTime();
                return null;
            });
            long typed = typedAt[0];
            double fx = (typedAt[1] - typedAt[0]) / 1e6;
            String expected = onFx(editor::text);
            Analysis applied = awaitAnalysisOf(editor, expected);
            double underline = (System.nanoTime() - typed) / 1e6;
            if (i >= WARMUP && applied != null) {
                fxMillis.add(fx);
                underlineMillis.add(underline);
            }
        }
        heartbeat.stop();
        System.out.printf(Locale.ROOT, "FX-thread time per keystroke: %s%n", summary(fxMillis));
        System.out.printf(Locale.ROOT, "keystroke to updated underlines (includes the 150 ms typing pause): %s%n",
                summary(underlineMillis));
        System.out.printf(Locale.ROOT, "longest FX-thread stall while typing and analysing: %.1f ms%n",
                worstGapNanos.get() / 1e6);
        Platform.exit();
        System.exit(0);
    }

    private static Analysis awaitAnalysisOf(ConfigEditor editor, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Analysis now = onFx(() -> editor.analysisProperty().get());
            if (now != null && now.text().equals(text)) {
                return now;
            }
            Thread.sleep(2);
        }
        return null;
    }

    private static String summary(List<Double> millis) {
        if (millis.isEmpty()) {
            return "no samples";
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        return String.format(Locale.ROOT, "median %.1f ms, p90 %.1f ms, max %.1f ms over %d keystrokes",
                median, p90, sorted.get(sorted.size() - 1), sorted.size());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    /** Posts a tick to the FX thread every millisecond and records the longest wait for one to run. */
    private static final class Heartbeat {
        private final AtomicLong worst;
        private volatile boolean running;
        private Thread thread;

        Heartbeat(AtomicLong worst) {
            this.worst = worst;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    long posted = System.nanoTime();
                    CountDownLatch ran = new CountDownLatch(1);
                    Platform.runLater(ran::countDown);
                    try {
                        ran.await();
                        worst.accumulateAndGet(System.nanoTime() - posted, Math::max);
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-heartbeat");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(1000);
        }
    }
}
