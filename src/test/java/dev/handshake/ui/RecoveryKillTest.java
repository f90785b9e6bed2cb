package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Launcher;
import dev.handshake.ui.recovery.RecoveryStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.fxmisc.richtext.GenericStyledArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash loses no typing, with a real crash: the editor runs in its own JVM ({@code Launcher FILE}, the
 * jar's entry point, headless on Monocle), text goes into its editor, and once the recovery file holds it
 * the process is killed with SIGKILL ({@code destroyForcibly}). The file survives with the text, the
 * config is untouched, and a restarted editor offers the copy with its diff.
 *
 * <p>The text is inserted into the editor's text area from inside the app process (the same change
 * stream typing feeds), not through operating-system key events.
 */
@Timeout(240)
class RecoveryKillTest {

    private static final String CONFIG = "server {\n    listen 80;\n}\n";
    private static final String TYPED = "# typed, then kill -9\n";

    @TempDir
    Path dir;

    /** Runs the editor through {@link Launcher}; "type" inserts args[2] at the end, "offer" prints the restore offer. */
    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> Launcher.main(new String[] {args[1]}), "launcher");
        app.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            Optional<String> done;
            try {
                FutureTask<Optional<String>> step = new FutureTask<>(() -> args[0].equals("type") ? type(args[2]) : offer());
                Platform.runLater(step);
                done = step.get(20, TimeUnit.SECONDS);
            } catch (IllegalStateException toolkitNotStarted) {
                continue;
            }
            if (done.isPresent()) {
                System.out.println(done.get());
                System.out.println("END");
                System.out.flush();
                app.join();
                return;
            }
        }
        System.out.println("TIMEOUT");
    }

    private static Optional<String> type(String text) {
        for (Window window : Window.getWindows()) {
            for (Node node : window.getScene().getRoot().lookupAll(".styled-text-area")) {
                if (node instanceof GenericStyledArea<?, ?, ?> area && area.getText().equals(CONFIG)) {
                    area.insertText(area.getLength(), text);
                    return Optional.of("TYPED");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> offer() {
        for (Window window : Window.getWindows()) {
            Node diff = window.getScene().getRoot().lookup("#recovery-diff-0");
            if (diff instanceof TextArea area) {
                return Optional.of("OFFER\n" + area.getText());
            }
        }
        return Optional.empty();
    }

    private Process start(String mode, Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true",
                "-Dhandshake.state=" + dir.resolve("state"), "-Dhandshake.config.dir=" + dir.resolve("config"),
                "-Duser.home=" + dir.resolve("home"), "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), RecoveryKillTest.class.getName(), mode, file.toString(), TYPED));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Lines the child prints, read on a thread of their own. */
    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static List<String> until(BlockingQueue<String> lines, String last) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.equals(last) || line.equals("TIMEOUT")) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no " + last + " from the editor process: " + seen);
    }

    private Optional<RecoveryStore.Entry> copy(RecoveryStore store, Path file) {
        return store.list().entries().stream().filter(e -> e.original().equals(Optional.of(file))).findFirst();
    }

    @Test
    void theRecoveryFileSurvivesKillNineAndIsOfferedOnRestart() throws Exception {
        Path file = dir.resolve("site.conf");
        Files.writeString(file, CONFIG);
        RecoveryStore store = new RecoveryStore(dir.resolve("state").resolve("recovery"));

        Process editor = start("type", file);
        try {
            List<String> said = until(lines(editor), "END");
            assertTrue(said.contains("TYPED"), said.toString());
            Path written = store.folder().resolve(RecoveryStore.keyFor(file) + RecoveryStore.SUFFIX);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(written) && Files.readString(written).contains("# typed, then kill -9"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(written).contains("# typed, then kill -9"), "the recovery file was written while the editor ran");
            assertTrue(copy(store, file).isEmpty(), "a copy whose editor is still running is not offered elsewhere");
        } finally {
            editor.destroyForcibly();
        }
        assertTrue(editor.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, editor.exitValue(), "killed by SIGKILL (128 + 9), not a clean exit");

        RecoveryStore.Entry left = copy(store, file).orElseThrow();
        assertEquals(CONFIG + TYPED, left.text(), "the typing survives the kill");
        assertEquals(CONFIG, Files.readString(file), "the config itself was never written");

        Process restarted = start("offer", file);
        try {
            List<String> offered = until(lines(restarted), "END");
            assertTrue(offered.contains("OFFER"), offered.toString());
            assertTrue(offered.contains("+# typed, then kill -9"), "the offer shows the diff: " + offered);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(copy(store, file).isEmpty(), "an undecided offer keeps the copy");
    }
}
