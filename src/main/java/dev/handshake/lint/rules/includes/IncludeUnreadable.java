package dev.handshake.lint.rules.includes;

import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ModelProblem;

/** {@code include-unreadable}: an included file or a folder a glob lists cannot be read. */
public final class IncludeUnreadable extends ModelProblemRule {

    public IncludeUnreadable() {
        super(RuleMeta.of("include-unreadable", Severity.ERROR, "an included file cannot be read"),
                ModelProblem.Kind.INCLUDE_UNREADABLE);
    }
}
