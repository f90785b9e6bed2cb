package dev.handshake.cli;

import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.nginx.NginxDumpLoader;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.report.PathStyle;
import dev.handshake.text.SourceText;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@code check} and {@code fix} get their main files when not from PATH operands: the operand
 * {@code -} (one config on standard input, named by {@code --stdin-filename}), or {@code --nginx-T FILE|-}
 * (the output of {@code nginx -T} as the whole include tree).
 */
final class InputSources {

    static final String STDIN = "-";
    static final String STDIN_FILENAME = "--stdin-filename";
    static final String NGINX_T = "--nginx-T";
    /** What standard input is called in messages without {@code --stdin-filename}. */
    static final String DEFAULT_STDIN_NAME = "<stdin>";

    /** The main files to analyse and the loader that serves them and their includes. */
    record Sources(List<Session.Input> inputs, SourceLoader loader) {
    }

    private InputSources() {
    }

    /**
     * True when the operands are {@code -}. It must be the only operand, and {@code --stdin-filename}
     * needs it.
     */
    static boolean readsStdin(Arguments args) throws UsageException {
        boolean dash = args.operands().contains(STDIN);
        if (dash && args.operands().size() > 1) {
            throw new UsageException("- reads one config from standard input: give no other PATH with it");
        }
        if (!dash && args.has(STDIN_FILENAME)) {
            throw new UsageException(STDIN_FILENAME + " names standard input: it needs the operand -");
        }
        return dash;
    }

    /**
     * The config on {@code in}, served over the disk's files under the name {@code --stdin-filename}
     * (relative to the working directory, which is where relative includes then start).
     */
    static Sources stdin(Arguments args, InputStream in, PathStyle paths, SourceLoader disk) throws UsageException {
        Path name = stdinPath(args, paths);
        String shown = paths.display(name);
        byte[] bytes;
        try {
            bytes = SourceFiles.readBytes(in, name);
        } catch (SourceReadException e) {
            return failed(name, shown + ": " + reason(e), disk);
        }
        if (bytes.length == 0) {
            return failed(name, shown + ": standard input is empty", disk);
        }
        SourceLoader loader = SourceLoader.overlay(Map.of(name, SourceText.decode(bytes)), disk);
        return new Sources(List.of(new Session.Input(name, null)), loader);
    }

    /** The path standing for standard input. */
    static Path stdinPath(Arguments args, PathStyle paths) throws UsageException {
        String given = args.value(STDIN_FILENAME, DEFAULT_STDIN_NAME);
        if (given.isBlank()) {
            throw new UsageException(STDIN_FILENAME + " needs a name");
        }
        try {
            return paths.absolute(Path.of(given));
        } catch (InvalidPathException e) {
            throw new UsageException(STDIN_FILENAME + " \"" + given + "\" is not a path on this system");
        }
    }

    /**
     * The {@code nginx -T} output in the file {@code --nginx-T} names, or on {@code in} for {@code -}: the
     * first section is the one main file, and every include is served from the sections. Nothing else
     * may say where files come from ({@code PATH}, {@code -}, {@code --map-path}).
     */
    static Sources nginxDump(Arguments args, InputStream in, PathStyle paths) throws UsageException {
        if (!args.operands().isEmpty()) {
            throw new UsageException(NGINX_T + " reads the whole include tree from the nginx -T output: give no PATH or - with it");
        }
        if (args.has(STDIN_FILENAME) || args.has("--map-path")) {
            throw new UsageException(NGINX_T + " keeps the paths nginx printed: " + STDIN_FILENAME
                    + " and --map-path do not apply");
        }
        String source = args.value(NGINX_T, STDIN);
        boolean fromStdin = source.equals(STDIN);
        Path name;
        try {
            name = fromStdin ? paths.absolute(Path.of(DEFAULT_STDIN_NAME)) : paths.absolute(Path.of(source));
        } catch (InvalidPathException e) {
            throw new UsageException(NGINX_T + " \"" + source + "\" is not a path on this system");
        }
        String shown = paths.display(name);
        byte[] bytes;
        try {
            bytes = fromStdin ? SourceFiles.readBytes(in, name) : SourceFiles.readBytes(name);
        } catch (SourceReadException e) {
            return failed(name, shown + ": " + reason(e), SourceLoader.fileSystem());
        }
        NginxDumpLoader dump = NginxDumpLoader.parse(bytes, paths.workingDirectory());
        if (dump.mainFile().isEmpty()) {
            String what = bytes.length == 0 ? "empty" : "no '" + NginxDumpLoader.HEADER + "PATH:' sections";
            return failed(name, shown + ": " + what + ", not the output of nginx -T", dump);
        }
        return new Sources(List.of(new Session.Input(dump.mainFile().get(), null)), dump);
    }

    private static Sources failed(Path name, String message, SourceLoader loader) {
        return new Sources(List.of(new Session.Input(name, message)), loader);
    }

    /** A read failure's reason without the path it starts with. */
    private static String reason(SourceReadException e) {
        String message = e.getMessage();
        String prefix = e.path() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
