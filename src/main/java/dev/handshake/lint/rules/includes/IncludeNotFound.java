package dev.handshake.lint.rules.includes;

import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ModelProblem;

/** {@code include-not-found}: an {@code include} names a file that does not exist (a glob matching nothing is fine). */
public final class IncludeNotFound extends ModelProblemRule {

    public IncludeNotFound() {
        super(RuleMeta.of("include-not-found", Severity.WARNING, "an included file does not exist"),
                ModelProblem.Kind.INCLUDE_NOT_FOUND);
    }
}
