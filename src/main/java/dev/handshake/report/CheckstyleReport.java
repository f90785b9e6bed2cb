package dev.handshake.report;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML (as reviewdog and CI dashboards read it): {@code <checkstyle><file name><error line
 * column severity message source/></file></checkstyle>}, {@code source} being {@code handshake.RULE}.
 * Every checked path gets a {@code <file>}; an unreadable one holds an error from {@code handshake.input-error}.
 */
public final class CheckstyleReport {

    public static final String INPUT_ERROR = "handshake.input-error";

    private CheckstyleReport() {
    }

    public static String render(CheckResults results) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (FileStatus f : results.files()) {
            List<String> errors = byFile.computeIfAbsent(results.paths().display(f.path()), k -> new ArrayList<>());
            if (!f.ok()) {
                errors.add(error(1, 1, "error", f.error(), INPUT_ERROR));
            }
        }
        for (Diagnostic d : results.findings()) {
            Position at = results.positionOrStart(d.file(), d.range());
            byFile.computeIfAbsent(display(results, d.file()), k -> new ArrayList<>())
                    .add(error(at.line(), at.column(), severity(d.severity()), d.message(), "handshake." + d.rule()));
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
        for (Map.Entry<String, List<String>> file : byFile.entrySet()) {
            out.append("  <file name=\"").append(escape(file.getKey())).append("\">\n");
            for (String e : file.getValue()) {
                out.append("    ").append(e).append('\n');
            }
            out.append("  </file>\n");
        }
        return out.append("</checkstyle>\n").toString();
    }

    private static String display(CheckResults results, Path file) {
        return results.paths().display(file);
    }

    private static String error(int line, int column, String severity, String message, String source) {
        return "<error line=\"" + line + "\" column=\"" + column + "\" severity=\"" + severity + "\" message=\""
                + escape(message) + "\" source=\"" + escape(source) + "\"/>";
    }

    /** Checkstyle's severities: {@code error}, {@code warning}, {@code info}. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    /** Escapes attribute text; line breaks and tabs as character references, characters XML 1.0 forbids dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && (c < 0xD800 || c > 0xDFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
