package dev.handshake;

import dev.handshake.cli.Main;
import dev.handshake.cli.Suggestions;
import dev.handshake.ui.HandshakeApp;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Entry point of {@code handshake.jar}: a CLI sub-command runs headless, no argument or an existing file
 * opens the editor, and anything else is a usage error (exit 2), so a mistyped command never opens a
 * window. Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the class path.
 */
@AllowedToUseStandardStreams("the process's entry point: hands stdout/stderr to the CLI, and reports what"
        + " happens before the CLI or the editor exist (an unknown first argument, no display, no toolkit)")
public final class Launcher {

    /** First arguments that select the headless command line instead of the editor. */
    static final Set<String> CLI_COMMANDS = Set.of("check", "fix", "parse", "format", "explain", "rules",
            "--help", "-h", "help", "--version", "-V", "version");

    /** The commands a mistyped first argument is compared with. */
    private static final List<String> SUGGESTED = List.of("check", "fix", "parse", "format", "explain", "rules", "help", "version");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCliCommand(args)) {
            OptionalInt batch = BatchJvm.run(args);
            System.exit(batch.isPresent() ? batch.getAsInt() : runCli(args, System.out, System.err));
        }
        int refused = refuseEditor(args, hasDisplay(), System.err);
        if (refused != 0) {
            // Under `./mvnw javafx:run` the pom asks for 0 here: the plugin would bury the line in a stack trace.
            boolean onlyNoDisplay = editorArgumentProblem(args).isEmpty();
            System.exit(onlyNoDisplay ? Integer.getInteger("handshake.noDisplay.exitCode", refused) : refused);
        }
        try {
            HandshakeApp.launchEditor(args);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("handshake: " + editorFailure(e));
            System.exit(2);
        }
    }

    /** One line for a window toolkit that cannot start, with what usually fixes it. */
    static String editorFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        String hint = message.contains("GTK") ? " (install GTK 3, e.g. apt-get install libgtk-3-0)" : "";
        return "cannot open the editor window: " + message + hint
                + "; `handshake check` works without a window";
    }

    /** True when {@code args} name a CLI command; no arguments, or a file, opens the editor. */
    static boolean isCliCommand(String[] args) {
        return args.length > 0 && CLI_COMMANDS.contains(args[0]);
    }

    /**
     * 0 when the editor may open with {@code args}; otherwise the exit code (2), after one line on
     * {@code err} saying why (a usage problem, or no display to open a window on).
     */
    static int refuseEditor(String[] args, boolean display, PrintStream err) {
        Optional<String> problem = editorArgumentProblem(args);
        if (problem.isPresent()) {
            err.println("handshake: " + problem.get());
            err.println("Try 'handshake --help'.");
            return 2;
        }
        if (!display) {
            err.println("handshake: no display: set DISPLAY or run `handshake check` for the command line");
            return 2;
        }
        return 0;
    }

    /**
     * Why {@code args} cannot open the editor, if they cannot: the editor takes at most one argument, an
     * existing file; an unknown word is named with the command it is closest to.
     */
    static Optional<String> editorArgumentProblem(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        String first = args[0];
        if (args.length == 1 && isFile(first)) {
            return Optional.empty();
        }
        if (args.length == 1 && first.startsWith("-")) {
            return Optional.of("unknown option '" + first + "'");
        }
        String near = Suggestions.didYouMean(first, SUGGESTED);
        if (!near.isEmpty() || !looksLikePath(first)) {
            return Optional.of("unknown command '" + first + "'" + near);
        }
        if (args.length > 1) {
            return Optional.of("the editor opens one file; to check several, run 'handshake check FILE...'");
        }
        return Optional.of("no such file: " + first);
    }

    private static boolean isFile(String argument) {
        try {
            return Files.isRegularFile(Path.of(argument));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean looksLikePath(String argument) {
        return argument.contains("/") || argument.contains(".") || argument.contains("\\");
    }

    /** On Linux and other X11/Wayland systems the editor needs DISPLAY or WAYLAND_DISPLAY; elsewhere assume one. */
    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Runs the CLI; whatever it throws is reported in one line with exit 2, never a stack trace. */
    static int runCli(String[] args, PrintStream out, PrintStream err) {
        try {
            return Main.run(args, out, err);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println(couldNotFinish(e, Runtime.getRuntime().maxMemory()));
            return 2;
        }
    }

    /**
     * The one line for a run that could not finish. Running out of heap is no bug to report but an
     * input larger than this run's heap ({@code maxHeap} bytes): the line says so and how to give it more.
     */
    static String couldNotFinish(Throwable e, long maxHeap) {
        if (e instanceof OutOfMemoryError) {
            return "handshake: ran out of memory: the input needs more than this run's " + (maxHeap >> 20)
                    + " MB Java heap; run again with a larger one (JAVA_TOOL_OPTIONS=-Xmx4g) or check fewer files at once";
        }
        return "handshake: could not finish: " + e + " (please report this with the command and the file that caused it)";
    }
}
