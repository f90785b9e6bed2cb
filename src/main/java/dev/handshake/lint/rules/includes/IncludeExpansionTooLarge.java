package dev.handshake.lint.rules.includes;

import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ModelProblem;

/** {@code include-expansion-too-large}: includes splice in more copies, or nest deeper, than Handshake analyses. */
public final class IncludeExpansionTooLarge extends ModelProblemRule {

    public IncludeExpansionTooLarge() {
        super(RuleMeta.of("include-expansion-too-large", Severity.WARNING, "the includes expand to more than Handshake analyses"),
                ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE);
    }
}
