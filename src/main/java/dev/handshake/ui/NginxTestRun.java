package dev.handshake.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edit > Test with nginx: runs {@code nginx -t} on the buffer as it would be saved, without saving it.
 * The bytes go to a hidden temporary file beside the original, so relative includes resolve exactly as
 * for the real file; nginx writes its startup log into a temporary folder ({@code -e}); only {@code -t}
 * is ever passed, so a running nginx is never signalled. The temporary files are removed afterwards and
 * their name is replaced by the original's in what nginx printed. No JavaFX here: the window runs it
 * off the FX thread.
 */
final class NginxTestRun {

    /** Where nginx usually is when it is not on the PATH. */
    private static final List<Path> USUAL = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"), Path.of("/opt/homebrew/bin/nginx"), Path.of("/usr/local/bin/nginx"));
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern LINE = Pattern.compile(
            "^nginx: \\[(emerg|alert|crit|error|warn|notice)\\] (.*?)(?: in (.+):(\\d+))?$");

    /** One line nginx printed with a level, and where it points when it names a place. */
    record Message(String level, String text, Path file, int line) {

        boolean located() {
            return file != null;
        }
    }

    /** What {@code nginx -t} said: its exit code, its output (original paths), the messages in it. */
    record Result(int exit, boolean timedOut, String output, List<Message> messages) {

        boolean passed() {
            return exit == 0 && !timedOut;
        }
    }

    private NginxTestRun() {
    }

    /** The nginx to run, or the one line that says why there is none. */
    record Lookup(Optional<Path> binary, String notFound) {
    }

    /**
     * The nginx to run: {@code -Dhandshake.nginx} when given (a launch override), else the Settings choice
     * {@code setting}, else the first on the PATH or in a usual place; a given one that cannot run is not
     * replaced by another, the line says what is wrong with it.
     */
    static Lookup locate(String setting) {
        return locate(System.getProperty("handshake.nginx"), setting, System.getenv("PATH"));
    }

    static Lookup locate(String property, String setting, String pathVariable) {
        if (property != null && !property.isBlank()) {
            return checked(property.trim(), "-Dhandshake.nginx=");
        }
        if (setting != null && !setting.isBlank()) {
            return checked(setting.trim(), "Settings > nginx executable: ");
        }
        Optional<Path> found = findBinary(null, pathVariable);
        return new Lookup(found, found.isPresent() ? null
                : "No nginx found on the PATH or in /usr/sbin: install it (apt-get install nginx-light)"
                        + " or choose it in Settings > nginx executable");
    }

    private static Lookup checked(String given, String from) {
        Optional<String> problem = dev.handshake.ui.settings.NginxExecutable.problem(given);
        return problem.isPresent() ? new Lookup(Optional.empty(), "nginx not found: " + from + given + " " + problem.get())
                : new Lookup(Optional.of(Path.of(given)), null);
    }

    /** The nginx binary: {@code configured} when given, else the first {@code nginx} on the PATH or in a usual place. */
    static Optional<Path> findBinary(String configured, String pathVariable) {
        if (configured != null && !configured.isBlank()) {
            Path given = Path.of(configured.trim());
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
                if (!folder.isBlank()) {
                    candidates.add(Path.of(folder, "nginx"));
                }
            }
        }
        candidates.addAll(USUAL);
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /**
     * Tests {@code bytes} as the content of the config file {@code original} with the binary {@code nginx}.
     *
     * @throws IOException when the temporary copy cannot be written beside the original (a read-only folder)
     */
    static Result run(Path nginx, Path original, byte[] bytes, Duration timeout) throws IOException, InterruptedException {
        Path folder = original.toAbsolutePath().getParent();
        Path copy = Files.createTempFile(folder, "." + original.getFileName() + ".handshake-test-", ".tmp");
        Path logs = Files.createTempDirectory("handshake-nginx-t-");
        try {
            Files.write(copy, bytes);
            ProcessBuilder builder = new ProcessBuilder(nginx.toString(), "-t", "-e", logs.resolve("error.log").toString(),
                    "-c", copy.toString());
            builder.redirectErrorStream(true);
            Path printed = logs.resolve("output.txt");
            builder.redirectOutput(printed.toFile());
            builder.directory(folder.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            byte[] out = Files.readAllBytes(printed);
            String output = new String(out, StandardCharsets.UTF_8).replace(copy.toString(), original.toString());
            int exit = finished ? process.exitValue() : -1;
            return new Result(exit, !finished, output, messages(output));
        } finally {
            Files.deleteIfExists(copy);
            deleteTree(logs);
        }
    }

    /** The leveled lines of {@code output}, with the file and line they name. */
    static List<Message> messages(String output) {
        List<Message> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                Path file = m.group(3) == null ? null : Path.of(m.group(3));
                int number = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                found.add(new Message(m.group(1), m.group(2), file, number));
            }
        }
        return found;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
