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
        // Findings of one rule often share one message string (a million unknown "tiny" directives do):
        // the last one's escaped form is kept instead of scanning it again.
        String message = null;
        String escaped = null;
        try {
            for (Diagnostic d : results.findings()) {
                Position at = results.positionOrStart(d.file(), d.range());
                if (d.message() != message) {
                    message = d.message();
                    escaped = escape(message);
                }
                line(chunk, display(results, shown, d.file()), at, d, escaped).append('\n');
                for (Related r : d.related()) {
                    Position rat = results.positionOrStart(r.file(), r.range());
                    chunk.append(display(results, shown, r.file())).append(':').append(rat.line()).append(':')
                            .append(rat.column()).append(": note: ").append(escape(r.message())).append('\n');
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
        return line(new StringBuilder(), escape(results.paths().display(d.file())), at, d, escape(d.message())).toString();
    }

    private static StringBuilder line(StringBuilder out, String file, Position at, Diagnostic d, String message) {
        return out.append(file).append(':').append(at.line()).append(':').append(at.column()).append(": ")
                .append(d.severity().label()).append(": ").append(message).append(" [").append(d.rule())
                .append(']');
    }

    private static String display(CheckResults results, Map<Path, String> shown, Path file) {
        return shown.computeIfAbsent(file, f -> escape(results.paths().display(f)));
    }

    /**
     * Config text quoted in a message reaches a terminal: control characters (ESC and the rest of C0
     * but tab, DEL, the C1 range with its one-byte CSI) and the bidirectional overrides that reorder
     * what is shown are written as {@code \xHH} or {@code \}{@code uHHHH}, so a file cannot move the
     * cursor, retitle the window or split one finding over two lines.
     */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
