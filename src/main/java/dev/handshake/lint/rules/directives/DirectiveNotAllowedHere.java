package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.DirectiveSpec;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Reports a documented directive in a block where no module that defines it allows it, worded as
 * {@code nginx -t} words it. nginx refuses to start on such a configuration.
 */
public final class DirectiveNotAllowedHere implements Rule {

    private static final RuleMeta META = RuleMeta.of("directive-not-allowed-here", Severity.ERROR,
            "a directive in a block where nginx does not accept it, so nginx refuses to start");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        DirectiveCatalogue catalogue = DirectiveCatalogue.standard();
        for (Statement s : CheckedDirectives.of(context.model())) {
            Optional<DirectiveSpec> spec = catalogue.find(s.name());
            if (spec.isEmpty() || spec.get().allowedIn(s.scope())) {
                continue;
            }
            if (!spec.get().availableIn(context.options().target())) {
                continue; // the target nginx does not know it at all: it says "unknown directive" first
            }
            String message = "\"" + s.name() + "\" directive is not allowed here (allowed in "
                    + String.join(", ", spec.get().contexts()) + ")";
            context.report(s.path(), s.directive().nameToken().range(), message, related(s.scope()), List.of());
        }
    }

    private static List<Related> related(Scope scope) {
        Statement opener = scope.opener();
        if (opener == null) {
            return List.of();
        }
        return List.of(new Related(opener.path(), opener.directive().headRange(),
                "inside this " + scope.kind().label() + " block"));
    }
}
