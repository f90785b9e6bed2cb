package dev.handshake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a command-line check of a large config in a second JVM started for a short batch job (the C1
 * compiler alone, the serial collector), as the packaged {@code handshake} command already does. A
 * plain {@code java -jar handshake.jar check FILE} cannot choose its own JIT or collector, and on a
 * 35k-line config the default JVM spends more CPU compiling with C2 and running G1's threads than in
 * Handshake itself (measured: 1.5 s of CPU against 0.75 s with these flags; about 0.2 s for the JVM
 * that starts the second one).
 *
 * <p>Only when it cannot change what the run does: the second JVM gets the same class path, working
 * directory, environment, standard streams and arguments, and its exit code is passed on. It is not
 * used for a small input (the second start would cost more than it saves), for standard input, when
 * the JVM was started with options other than system properties and heap sizes (someone chose them:
 * a debugger, a profiler, another collector), or when {@code JAVA_TOOL_OPTIONS}-style variables are set
 * (the JVM would announce them a second time on standard error).
 */
final class BatchJvm {

    /** The JVM options of the second JVM. */
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Set in the second JVM, so it never starts a third. */
    static final String STARTED = "handshake.batchJvm";

    /**
     * Operand bytes from which a second JVM pays: on the 2-core machine a 300 KB config saves about
     * 1.3 s of CPU, the one-file example 0.15 s, about what the second start costs.
     */
    static final long WORTH_IT = 64 * 1024;

    /** The commands that read configs. */
    private static final Set<String> COMMANDS = Set.of("check", "fix", "parse", "format");

    private static final List<String> ANNOUNCED = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private BatchJvm() {
    }

    /**
     * Runs {@code args} in a second JVM and returns its exit code, or nothing when this JVM should run
     * them itself (see the class comment, or the second JVM could not be started).
     */
    static OptionalInt run(String[] args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!worthIt(args, jvmOptions, System.getenv(), System.getProperty(STARTED)) || !Files.isExecutable(java)) {
            return OptionalInt.empty();
        }
        List<String> command = command(java.toString(), jvmOptions, System.getProperty("java.class.path"), args);
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // A stopped parent (kill, Ctrl+C) stops the second JVM too.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "stop batch JVM"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                child.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when a second JVM pays for {@code args} and may be started from a JVM with {@code jvmOptions}. */
    static boolean worthIt(String[] args, List<String> jvmOptions, Map<String, String> env, String started) {
        if (started != null || args.length < 2 || !COMMANDS.contains(args[0])) {
            return false;
        }
        for (String name : ANNOUNCED) {
            if (env.get(name) != null) {
                return false;
            }
        }
        for (String option : jvmOptions) {
            if (!forwardable(option)) {
                return false;
            }
        }
        long bytes = 0;
        for (int i = 1; i < args.length && bytes < WORTH_IT; i++) {
            bytes += regularFileSize(args[i]);
        }
        return bytes >= WORTH_IT;
    }

    /** System properties and heap sizes: options the second JVM takes over unchanged. */
    static boolean forwardable(String option) {
        return option.startsWith("-D") || option.startsWith("-Xmx") || option.startsWith("-Xms")
                || option.startsWith("-Xss");
    }

    /** The second JVM's command line. */
    static List<String> command(String java, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(FLAGS);
        command.addAll(jvmOptions);
        command.add("-D" + STARTED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static long regularFileSize(String argument) {
        if (argument.startsWith("-")) {
            return 0;
        }
        try {
            Path path = Path.of(argument);
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (InvalidPathException | IOException | SecurityException e) {
            return 0;
        }
    }
}
