package dev.handshake.lint.rules.includes;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.nginx.ModelProblem;
import java.util.List;

/** A rule that reports one kind of problem the model met while following includes, where it was met. */
abstract class ModelProblemRule implements Rule {

    private final RuleMeta meta;
    private final ModelProblem.Kind kind;

    ModelProblemRule(RuleMeta meta, ModelProblem.Kind kind) {
        this.meta = meta;
        this.kind = kind;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(RuleContext context) {
        for (ModelProblem p : context.model().problems()) {
            if (p.kind() == kind) {
                context.report(p.file(), p.range(), p.message(), List.of(), List.of());
            }
        }
    }
}
