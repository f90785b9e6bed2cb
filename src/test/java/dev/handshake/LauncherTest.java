package dev.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments go to the command line and which open the editor. */
class LauncherTest {

    @Test
    void commandNamesGoToTheCli() {
        for (String command : new String[] {"check", "fix", "parse", "explain", "rules", "--help", "--version"}) {
            assertTrue(Launcher.isCliCommand(new String[] {command, "x"}), command);
        }
    }

    @Test
    void nothingOrAFileOpensTheEditor() {
        assertFalse(Launcher.isCliCommand(new String[0]));
        assertFalse(Launcher.isCliCommand(new String[] {"/etc/nginx/nginx.conf"}));
        assertFalse(Launcher.isCliCommand(new String[] {"check.conf"}));
    }

    @Test
    void theCliRunsInProcessAndItsExitCodeIsReturned() {
        Streams streams = new Streams();
        assertEquals(0, Launcher.runCli(new String[] {"--version"}, streams.out, streams.err), streams.err());
        assertTrue(streams.out().startsWith("handshake "), streams.out());
        assertEquals(2, Launcher.runCli(new String[] {"check", "--no-such-option"}, streams.out, streams.err));
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestionAndNoWindow() {
        Streams streams = new Streams();
        assertEquals(2, Launcher.refuseEditor(new String[] {"chekc", "foo.conf"}, true, streams.err));
        assertEquals("handshake: unknown command 'chekc' (did you mean check?)\nTry 'handshake --help'.\n",
                streams.err());
        assertEquals(Optional.of("unknown command 'fxi' (did you mean fix?)"),
                Launcher.editorArgumentProblem(new String[] {"fxi"}));
        assertEquals(Optional.of("unknown option '--nope'"), Launcher.editorArgumentProblem(new String[] {"--nope"}));
    }

    @Test
    void anExistingFileOpensTheEditorAndAMissingOneIsNamed(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("nginx.conf"), "events {}\n");
        assertEquals(Optional.empty(), Launcher.editorArgumentProblem(new String[] {config.toString()}));
        assertEquals(Optional.empty(), Launcher.editorArgumentProblem(new String[0]));
        String missing = dir.resolve("missing.conf").toString();
        assertEquals(Optional.of("no such file: " + missing), Launcher.editorArgumentProblem(new String[] {missing}));
        assertEquals(Optional.of("the editor opens one file; to check several, run 'handshake check FILE...'"),
                Launcher.editorArgumentProblem(new String[] {config.toString(), config.toString()}));
    }

    @Test
    void withoutADisplayTheEditorSaysSoInOneLine(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("nginx.conf"), "events {}\n");
        Streams streams = new Streams();
        assertEquals(2, Launcher.refuseEditor(new String[] {config.toString()}, false, streams.err));
        assertEquals("handshake: no display: set DISPLAY or run `handshake check` for the command line\n",
                streams.err());
        assertEquals(0, Launcher.refuseEditor(new String[] {config.toString()}, true, streams.err));
    }

    @Test
    void aToolkitThatCannotStartIsOneLineWithTheUsualFix() {
        RuntimeException failure = new RuntimeException("Application launch error",
                new UnsupportedOperationException("Unable to load glass GTK library."));
        assertEquals("cannot open the editor window: Unable to load glass GTK library. (install GTK 3, e.g. "
                + "apt-get install libgtk-3-0); `handshake check` works without a window", Launcher.editorFailure(failure));
    }

    /** Captured stdout and stderr. */
    private static final class Streams {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        }
    }

    @Test
    void runningOutOfHeapSaysHowLargeItWasAndHowToGiveMoreNotToReportABug() {
        assertEquals("handshake: ran out of memory: the input needs more than this run's 1024 MB Java heap; run again"
                + " with a larger one (JAVA_TOOL_OPTIONS=-Xmx4g) or check fewer files at once",
                Launcher.couldNotFinish(new OutOfMemoryError("Java heap space"), 1L << 30));
        assertTrue(Launcher.couldNotFinish(new IllegalStateException("x"), 1L << 30)
                .startsWith("handshake: could not finish: java.lang.IllegalStateException: x (please report"));
    }
}
