package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.bench.ConfigGenerator;
import dev.handshake.lint.Linter;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Latency probe for issue 11 (not part of the normal suite, it prints numbers and asserts none):
 *
 * <pre>
 * ./mvnw -o test -Dtest=EditorLatencyProbe -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -o test -Dtest=EditorLatencyProbe -Dprobe.jfr=/tmp/probe   # also a JFR recording per file
 * </pre>
 *
 * Opens, headless, the 35k-line corpus config (skipped when the corpus is absent), a generated
 * 100,000-line config and one 111,809-character line, and prints one {@code LATENCY} line per row of the
 * issue's budget table: open time to text and to findings, FX-thread time per keystroke (the key event
 * and what it queued), FX-thread time to show one analysis, keystroke to updated underlines, how far
 * behind typing at 30 ms a key falls, and the heap after GC with the file open. Start to first frame
 * needs a real window and is not measured here.
 */
@ExtendWith(ApplicationExtension.class)
class EditorLatencyProbe {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final int KEYSTROKES = 15;
    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int TYPED_KEYS = 40;
    private static final long TYPING_GAP_MS = 30;

    private MainWindow window;
    private Recording recording;
    private String name;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Linter.standard(),
                new RecentFiles(Preferences.userRoot().node("dev/handshake/probe-" + System.nanoTime())));
        stage.show();
    }

    @BeforeEach
    void record(TestInfo test) throws Exception {
        name = test.getTestMethod().map(m -> m.getName()).orElse("probe");
        String jfr = System.getProperty("probe.jfr");
        if (jfr != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr + "-" + name + ".jfr"));
            recording.start();
        }
    }

    @AfterEach
    void stopRecording() {
        if (recording != null) {
            recording.stop();
            System.out.println("LATENCY JFR recording written: " + recording.getDestination());
            recording.close();
        }
    }

    @Test
    void oneVeryLongLine(FxRobot robot, @TempDir Path dir) throws Exception {
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

    @Test
    void generated100kLines(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("generated-100k.conf");
        Files.writeString(file, ConfigGenerator.generate(ConfigGenerator.Shape.UPSTREAM_PER_SERVER, 100_000),
                StandardCharsets.UTF_8);
        probe(robot, file, "proxy_pass");
    }

    private void probe(FxRobot robot, Path file, String typeAt) throws Exception {
        long openStart = System.nanoTime();
        assertTrue(fx(() -> window.open(file)));
        fx(() -> true); // what the open queued has run: the text is on screen
        long textMs = (System.nanoTime() - openStart) / 1_000_000;
        ConfigEditor editor = fx(window::editor);
        Path opened = file.toAbsolutePath().normalize();
        until("first findings", 180, () -> {
            Analysis shown = editor.analysisProperty().get();
            return shown != null && shown.path().equals(opened) && shown.text().length() == editor.length();
        });
        long findingsMs = (System.nanoTime() - openStart) / 1_000_000;
        Analysis first = fx(() -> editor.analysisProperty().get());
        System.out.printf(Locale.ROOT, "LATENCY %s (%s): %d lines, %d chars, %d findings in this file%n", name,
                file.getFileName(), fx(editor::lineCount), fx(editor::length), first.diagnostics().size());
        System.out.printf(Locale.ROOT, "LATENCY %s: open, text shown %d ms, findings shown %d ms%n", name, textMs, findingsMs);
        heap("with the file open");

        AtomicLong pressedAt = new AtomicLong();
        AtomicLong handledNanos = new AtomicLong();
        AtomicLong handledCpuNanos = new AtomicLong();
        robot.interact(() -> window.stage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            pressedAt.set(t0);
            // Runs once the FX thread has finished handling this key event and what it queued.
            Platform.runLater(() -> {
                handledCpuNanos.set(CPU.getCurrentThreadCpuTime() - cpu0);
                handledNanos.set(System.nanoTime() - t0);
            });
        }));
        int offset = fx(() -> editor.text().indexOf(typeAt));
        robot.interact(() -> editor.moveCaret(offset));
        List<Long> fxTimes = new ArrayList<>();
        List<Long> toUnderlines = new ArrayList<>();
        List<Long> applyTimes = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        List<Long> applyCpu = new ArrayList<>();
        List<Long> analysisCpu = new ArrayList<>();
        for (int i = 0; i < KEYSTROKES; i++) {
            Analysis before = fx(() -> editor.analysisProperty().get());
            long analysisCpuBefore = analysisCpu();
            handledNanos.set(0);
            robot.type(i % 2 == 0 ? KeyCode.X : KeyCode.BACK_SPACE);
            until("key handled", () -> handledNanos.get() > 0);
            fxTimes.add(handledNanos.get());
            fxCpu.add(handledCpuNanos.get());
            until("analysis after the keystroke", 120, () -> editor.analysisProperty().get() != before
                    && editor.analysisProperty().get().text().length() == editor.length());
            toUnderlines.add(System.nanoTime() - pressedAt.get());
            applyTimes.add(fx(editor::lastApplyNanos));
            applyCpu.add(fx(editor::lastApplyCpuNanos));
            analysisCpu.add(analysisCpu() - analysisCpuBefore);
        }
        report("FX thread per keystroke (event + what it queued)", fxTimes);
        report("FX thread to show one analysis", applyTimes);
        report("keystroke to updated underlines (pause included)", toUnderlines);
        // CPU time: what the numbers above would be on an idle machine, less the waiting for a core.
        report("FX thread CPU per keystroke", fxCpu);
        report("FX thread CPU to show one analysis", applyCpu);
        report("analysis thread CPU per keystroke", analysisCpu);
        typingLag(editor);
    }

    /**
     * Types {@link #TYPED_KEYS} characters at one every {@link #TYPING_GAP_MS} ms from another thread and
     * reports how late the FX thread inserted them (the lag a typist sees).
     */
    private void typingLag(ConfigEditor editor) throws Exception {
        int caret = fx(() -> editor.caretProperty().get());
        long start = System.nanoTime();
        long[] late = new long[TYPED_KEYS];
        CountDownLatch done = new CountDownLatch(TYPED_KEYS);
        for (int i = 0; i < TYPED_KEYS; i++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos(i * TYPING_GAP_MS);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int key = i;
            Platform.runLater(() -> {
                editor.replaceRange(new TextRange(caret + key, caret + key), "x");
                late[key] = System.nanoTime() - due;
                done.countDown();
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        fx(() -> true);
        long worst = 0;
        for (long l : late) {
            worst = Math.max(worst, l);
        }
        System.out.printf(Locale.ROOT, "LATENCY %s: typing at %d ms a key, %d keys: at most %.1f ms behind (%.1f keys)%n",
                name, TYPING_GAP_MS, TYPED_KEYS, worst / 1e6, worst / 1e6 / TYPING_GAP_MS);
        List<Long> lags = new ArrayList<>();
        for (long l : late) {
            lags.add(l);
        }
        report("typing lag per key", lags);
    }

    /** CPU time used so far by the editors' analysis threads. */
    private static long analysisCpu() {
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("handshake-analysis")) {
                sum += Math.max(0, CPU.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }

    private void heap(String when) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().map(l -> l.substring(6).trim()).orElse("?");
        System.out.printf(Locale.ROOT, "LATENCY %s: heap after GC %s: %d MB (process RSS %s)%n", name, when,
                used / (1024 * 1024), rss);
    }

    private void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "LATENCY %s: %s: median %.1f ms, max %.1f ms (n=%d)%n", name, what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
