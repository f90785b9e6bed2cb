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

    /** {@link #key()} as a record, for hash maps: the same identity without building a string per finding. */
    public Identity identity() {
        return new Identity(rule, file, range.start(), range.end(), message);
    }

    /** What makes two findings the same one: rule, place and message. */
    public record Identity(String rule, Path file, int start, int end, String message) {

        /**
         * Mixed so that findings differing only in their offsets spread over the table: the record's
         * default hash gives ranges a fixed stride apart (one per line) the same low bits, which piles a
         * million one-line findings into a few thousand tree bins.
         */
        @Override
        public int hashCode() {
            int h = Objects.hashCode(rule) * 31 + Objects.hashCode(file);
            h = h * 31 + Objects.hashCode(message);
            h = (h ^ start) * 0x9E3779B1;
            h = (h ^ end) * 0x85EBCA6B;
            return h ^ (h >>> 15);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity k && start == k.start && end == k.end && Objects.equals(rule, k.rule)
                    && Objects.equals(file, k.file) && Objects.equals(message, k.message);
        }
    }

    /** Identity for de-duplication: a file included twice must not report the same thing twice. */
    public String key() {
        return rule + '|' + file + '|' + range.start() + '|' + range.end() + '|' + message;
    }
}
