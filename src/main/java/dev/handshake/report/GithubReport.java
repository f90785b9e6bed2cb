package dev.handshake.report;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Related;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::message} ({@code warning} and
 * {@code notice} by severity). Data escapes {@code %}, CR and LF; properties also {@code :} and {@code ,}.
 * Related places follow the message on their own lines; unreadable paths are {@code ::error file=F::reason}.
 */
public final class GithubReport {

    private GithubReport() {
    }

    public static String render(CheckResults results) {
        StringBuilder out = new StringBuilder();
        for (FileStatus f : results.files()) {
            if (!f.ok()) {
                out.append("::error file=").append(property(results.paths().display(f.path())))
                        .append("::").append(data(f.error())).append('\n');
            }
        }
        for (Diagnostic d : results.findings()) {
            Position at = results.positionOrStart(d.file(), d.range());
            StringBuilder message = new StringBuilder(d.message());
            for (Related r : d.related()) {
                Position rel = results.positionOrStart(r.file(), r.range());
                message.append("\nnote: ").append(results.paths().display(r.file())).append(':').append(rel.line())
                        .append(':').append(rel.column()).append(": ").append(r.message());
            }
            out.append("::").append(command(d)).append(" file=").append(property(results.paths().display(d.file())))
                    .append(",line=").append(at.line()).append(",col=").append(at.column())
                    .append(",endLine=").append(at.endLine()).append(",endColumn=").append(at.endColumn())
                    .append(",title=").append(property(d.rule()))
                    .append("::").append(data(message.toString())).append('\n');
        }
        return out.toString();
    }

    private static String command(Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** Escapes a command's message: {@code %}, CR, LF. */
    public static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value: as {@link #data}, plus {@code :} and {@code ,}. */
    public static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
