package dev.handshake.lint;

import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One finding: which rule, how bad, where (file and half-open range), what is wrong, the places that
 * explain it, and the fixes offered (preferred first).
 */
public record Diagnostic(String rule, Severity severity, Path file, TextRange range, String message,
                         List<Related> related, List<Fix> fixes) {

    public Diagnostic {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(file);
        Objects.requireNonNull(range);
        Objects.requireNonNull(message);
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(rule, newSeverity, file, range, message, related, fixes);
    }

    public Diagnostic withFixes(List<Fix> newFixes) {
        return new Diagnostic(rule, severity, file, range, message, related, newFixes);
    }

    /** Identity for de-duplication: a file included twice must not report the same thing twice. */
    public String key() {
        return rule + '|' + file + '|' + range.start() + '|' + range.end() + '|' + message;
    }
}
