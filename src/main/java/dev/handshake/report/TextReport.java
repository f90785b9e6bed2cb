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
                out.append(results.paths().display(r.file())).append(':').append(at.line()).append(':')
                        .append(at.column()).append(": note: ").append(r.message()).append('\n');
            }
        }
        return out.toString();
    }

    /** One finding on one line, without its related places. */
    public static String line(CheckResults results, Diagnostic d) {
        Position at = results.positionOrStart(d.file(), d.range());
        return results.paths().display(d.file()) + ':' + at.line() + ':' + at.column() + ": "
                + d.severity().label() + ": " + d.message() + " [" + d.rule() + "]";
    }
}
