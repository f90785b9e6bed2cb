package dev.handshake.lint;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a rule is: its id (kebab-case, part of the CLI contract), default severity, its one-line
 * summary (the only one: its doc, read by {@code report.RuleDocs}, has none), and the kinds of fix it
 * may offer. Emitting a fix of an undeclared kind is a bug the {@link Linter} refuses.
 */
public record RuleMeta(String id, Severity defaultSeverity, String summary, Set<Applicability> fixKinds) {

    public RuleMeta {
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        fixKinds = fixKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fixKinds));
    }

    public static RuleMeta of(String id, Severity severity, String summary, Applicability... fixKinds) {
        return new RuleMeta(id, severity, summary, Set.of(fixKinds));
    }
}
