package dev.handshake.lint.rules.includes;

import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ModelProblem;

/** {@code include-cycle}: files include each other in a loop; the loop is cut at the first repeat. */
public final class IncludeCycle extends ModelProblemRule {

    public IncludeCycle() {
        super(RuleMeta.of("include-cycle", Severity.ERROR, "files include each other in a loop"),
                ModelProblem.Kind.INCLUDE_CYCLE);
    }
}
