package dev.handshake.report;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Related;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Findings in the compiler convention: {@code file:line:column: severity: message [rule]}, related places as notes. */
public final class TextReport {

    /** Characters gathered before they are handed to the output in one piece. */
    static final int CHUNK = 1 << 15;

    private TextReport() {
    }

    public static String render(CheckResults results) {
        StringBuilder out = new StringBuilder();
        write(results, out);
        return out.toString();
    }

    /**
     * Streams the report to {@code out} in chunks of about {@link #CHUNK} characters, so the whole
     * report never exists as one string (a million findings are a ~100 MB document otherwise). Each
     * file's shown path is computed once.
     */
    public static void write(CheckResults results, Appendable out) {
        StringBuilder chunk = new StringBuilder(CHUNK + 1024);
        Map<Path, String> shown = new HashMap<>();
        try {
            for (Diagnostic d : results.findings()) {
                Position at = results.positionOrStart(d.file(), d.range());
                line(chunk, display(results, shown, d.file()), at, d).append('\n');
                for (Related r : d.related()) {
                    Position rat = results.positionOrStart(r.file(), r.range());
                    chunk.append(display(results, shown, r.file())).append(':').append(rat.line()).append(':')
                            .append(rat.column()).append(": note: ").append(r.message()).append('\n');
                }
                if (chunk.length() >= CHUNK) {
                    out.append(chunk);
                    chunk.setLength(0);
                }
            }
            out.append(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One finding on one line, without its related places. */
    public static String line(CheckResults results, Diagnostic d) {
        Position at = results.positionOrStart(d.file(), d.range());
        return line(new StringBuilder(), results.paths().display(d.file()), at, d).toString();
    }

    private static StringBuilder line(StringBuilder out, String file, Position at, Diagnostic d) {
        return out.append(file).append(':').append(at.line()).append(':').append(at.column()).append(": ")
                .append(d.severity().label()).append(": ").append(d.message()).append(" [").append(d.rule())
                .append(']');
    }

    private static String display(CheckResults results, Map<Path, String> shown, Path file) {
        return shown.computeIfAbsent(file, results.paths()::display);
    }
}
