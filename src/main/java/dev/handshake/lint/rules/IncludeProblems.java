package dev.handshake.lint.rules;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ModelProblem;
import java.util.List;

/** Reports the include problems met while building the model, one rule per kind of problem. */
final class IncludeProblems implements Rule {

    private final RuleMeta meta;
    private final ModelProblem.Kind kind;

    private IncludeProblems(RuleMeta meta, ModelProblem.Kind kind) {
        this.meta = meta;
        this.kind = kind;
    }

    static Rule notFound() {
        return new IncludeProblems(RuleMeta.of("include-not-found", Severity.WARNING,
                "an included file does not exist"), ModelProblem.Kind.INCLUDE_NOT_FOUND);
    }

    static Rule cycle() {
        return new IncludeProblems(RuleMeta.of("include-cycle", Severity.ERROR,
                "files include each other in a loop"), ModelProblem.Kind.INCLUDE_CYCLE);
    }

    static Rule unreadable() {
        return new IncludeProblems(RuleMeta.of("include-unreadable", Severity.ERROR,
                "an included file cannot be read"), ModelProblem.Kind.INCLUDE_UNREADABLE);
    }

    static Rule expansionTooLarge() {
        return new IncludeProblems(RuleMeta.of("include-expansion-too-large", Severity.WARNING,
                "the includes expand to more than Handshake analyses"), ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE);
    }

    @Override
    public RuleMeta meta() {
        return meta;
    }

    @Override
    public void check(RuleContext context) {
        for (ModelProblem p : context.model().problems()) {
            if (p.kind() == kind) {
                context.report(p.file(), p.range(), p.message(), List.of(), List.of());
            }
        }
    }
}
