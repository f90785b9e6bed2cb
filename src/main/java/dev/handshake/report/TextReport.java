package dev.handshake.report;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Related;

/** Findings in the compiler convention: {@code file:line:column: severity: message [rule]}, related places as notes. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(CheckResults results) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : results.findings()) {
            out.append(line(results, d)).append('\n');
            for (Related r : d.related()) {
                Position at = results.positionOrStart(r.file(), r.range());
                out.append(escape(results.paths().display(r.file()))).append(':').append(at.line()).append(':')
                        .append(at.column()).append(": note: ").append(escape(r.message())).append('\n');
            }
        }
        return out.toString();
    }

    /** One finding on one line, without its related places. */
    public static String line(CheckResults results, Diagnostic d) {
        Position at = results.positionOrStart(d.file(), d.range());
        return escape(results.paths().display(d.file())) + ':' + at.line() + ':' + at.column() + ": "
                + d.severity().label() + ": " + escape(d.message()) + " [" + d.rule() + "]";
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
