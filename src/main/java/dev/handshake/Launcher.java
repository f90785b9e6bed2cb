package dev.handshake;

import dev.handshake.ui.HandshakeApp;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Entry point of {@code handshake.jar}: a CLI sub-command runs headless, anything else opens the editor.
 * Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the class path.
 */
public final class Launcher {

    /** First arguments that select the headless command line instead of the editor. */
    static final Set<String> CLI_COMMANDS = Set.of("check", "fix", "parse", "explain", "rules",
            "--help", "-h", "help", "--version", "-V", "version");

    private static final String CLI_MAIN = "dev.handshake.cli.Main";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCliCommand(args)) {
            System.exit(runCli(args, System.out, System.err));
        }
        HandshakeApp.launchEditor(args);
    }

    /** True when {@code args} name a CLI command; no arguments, or a file, opens the editor. */
    static boolean isCliCommand(String[] args) {
        return args.length > 0 && CLI_COMMANDS.contains(args[0]);
    }

    /**
     * Runs {@code dev.handshake.cli.Main.run(args, out, err)}. Looked up by name so the editor builds and
     * runs on its own; a build without the CLI reports that and exits with 2.
     */
    static int runCli(String[] args, PrintStream out, PrintStream err) {
        try {
            Method run = Class.forName(CLI_MAIN).getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            return (Integer) run.invoke(null, args, out, err);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            err.println("handshake: this build has no command line (" + CLI_MAIN + " is missing)");
            return 2;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("handshake: internal error: " + cause);
            return 3;
        } catch (IllegalAccessException e) {
            err.println("handshake: cannot start the command line: " + e.getMessage());
            return 2;
        }
    }
}
