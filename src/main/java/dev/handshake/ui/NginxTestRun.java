package dev.handshake.ui;

import dev.handshake.lint.DirectiveEdits;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.syntax.Directive;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code > Test with nginx: runs {@code nginx -t} on the config as the editor has it, unsaved buffers
 * included, without saving anything. Each changed file goes to a hidden temporary copy beside its
 * original, so relative paths resolve exactly as for the real files, and the files including it get
 * copies whose {@code include} names the copy; nginx writes its startup log into a temporary folder
 * ({@code -e}); only {@code -t} is ever passed, so a running nginx is never signalled. The temporary files
 * are removed afterwards and their names are replaced by the originals' in what nginx printed. No JavaFX
 * here: the window runs it off the FX thread.
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

    /**
     * What {@code nginx -t} said: its exit code, its output (original paths), the messages in it, and
     * the files of the include tree it was given (normalised absolute paths).
     */
    record Result(int exit, boolean timedOut, String output, List<Message> messages, List<Path> files) {

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
        return run(nginx, original, Map.of(original.toAbsolutePath().normalize(), bytes), timeout);
    }

    /**
     * Tests the config nginx starts from at {@code root} as the editor has it: the files in
     * {@code unsaved} (by normalised absolute path, bytes as they would be saved) win over the disk,
     * wherever they sit in the include tree. Each unsaved file, and every file on the way from the root
     * down to it, gets a hidden temporary copy beside its original (so relative paths resolve as for
     * the real files); in those copies, an {@code include} that brings in a copied file names the copies
     * instead, one {@code include} per file it matched, in nginx's order, on the same line (line numbers
     * stay those of the originals). Files nobody changed are read by nginx from the disk.
     *
     * @throws IOException when a temporary copy cannot be written beside its original (a read-only folder)
     */
    static Result run(Path nginx, Path root, Map<Path, byte[]> unsaved, Duration timeout)
            throws IOException, InterruptedException {
        Path start = root.toAbsolutePath().normalize();
        Map<Path, SourceText> buffers = new HashMap<>();
        unsaved.forEach((path, content) -> buffers.put(path.toAbsolutePath().normalize(), SourceText.decode(content)));
        SourceText rootText = buffers.containsKey(start) ? buffers.get(start) : SourceLoader.fileSystem().load(start);
        ConfigModel model = ConfigModel.build(new ConfigFile(start, rootText),
                ConfigModel.Options.defaults().withLoader(SourceLoader.overlay(buffers, SourceLoader.fileSystem())));
        Set<Path> copied = copiedFiles(model, start, buffers.keySet());
        Map<Path, Path> copies = new LinkedHashMap<>();
        Path logs = Files.createTempDirectory("handshake-nginx-t-");
        try {
            for (Path file : copied) {
                copies.put(file, Files.createTempFile(file.getParent(), "." + file.getFileName() + ".handshake-test-", ".tmp"));
            }
            for (ConfigFile file : model.files()) {
                Path copy = copies.get(file.path());
                if (copy != null) {
                    Files.write(copy, file.source().encode(pointedAtCopies(model, file, copies)));
                }
            }
            Path folder = start.getParent();
            ProcessBuilder builder = new ProcessBuilder(nginx.toString(), "-t", "-e", logs.resolve("error.log").toString(),
                    "-c", copies.get(start).toString());
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
            String output = new String(Files.readAllBytes(printed), StandardCharsets.UTF_8);
            for (Map.Entry<Path, Path> copy : copies.entrySet()) {
                output = output.replace(copy.getValue().toString(), copy.getKey().toString());
            }
            int exit = finished ? process.exitValue() : -1;
            return new Result(exit, !finished, output, messages(output),
                    model.files().stream().map(ConfigFile::path).toList());
        } finally {
            for (Path copy : copies.values()) {
                Files.deleteIfExists(copy);
            }
            deleteTree(logs);
        }
    }

    /** The root, every unsaved file the model loaded, and every file that includes one of them, up to the root. */
    private static Set<Path> copiedFiles(ConfigModel model, Path root, Set<Path> unsaved) {
        Map<Path, Set<Path>> includers = new HashMap<>();
        for (ConfigFile file : model.files()) {
            for (Directive include : includes(file)) {
                for (ConfigFile target : model.includedBy(include)) {
                    includers.computeIfAbsent(target.path(), k -> new LinkedHashSet<>()).add(file.path());
                }
            }
        }
        Set<Path> copied = new LinkedHashSet<>();
        copied.add(root);
        ArrayDeque<Path> todo = new ArrayDeque<>();
        for (Path path : unsaved) {
            if (model.file(path).isPresent() && copied.add(path)) {
                todo.add(path);
            }
        }
        while (!todo.isEmpty()) {
            for (Path includer : includers.getOrDefault(todo.poll(), Set.of())) {
                if (copied.add(includer)) {
                    todo.add(includer);
                }
            }
        }
        return copied;
    }

    private static List<Directive> includes(ConfigFile file) {
        List<Directive> found = new ArrayList<>();
        file.parse().tree().walk(d -> {
            if (d.name().equals("include")) {
                found.add(d);
            }
        });
        return found;
    }

    /**
     * {@code file}'s text with each {@code include} that brings in a copied file replaced by one
     * {@code include} per file it matched (the copy's path where there is one), the line breaks it
     * spanned kept after them.
     */
    static String pointedAtCopies(ConfigModel model, ConfigFile file, Map<Path, Path> copies) {
        String text = file.source().text();
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        List<Directive> includes = includes(file);
        includes.sort(java.util.Comparator.comparingInt(d -> d.range().start()));
        for (Directive include : includes) {
            List<ConfigFile> targets = model.includedBy(include);
            if (targets.stream().noneMatch(t -> copies.containsKey(t.path())) || include.range().start() < done) {
                continue;
            }
            TextRange range = include.range();
            out.append(text, done, range.start());
            StringBuilder replacement = new StringBuilder();
            for (ConfigFile target : targets) {
                Path named = copies.getOrDefault(target.path(), target.path());
                replacement.append(replacement.length() == 0 ? "" : " ").append("include ")
                        .append(DirectiveEdits.quote(named.toString())).append(';');
            }
            out.append(replacement);
            text.substring(range.start(), range.end()).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            done = range.end();
        }
        return out.append(text, done, text.length()).toString();
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
