package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Arity;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.DirectiveSpec;
import dev.handshake.nginx.Statement;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.Token;
import java.util.List;
import java.util.Optional;

/**
 * Reports a documented directive given more or fewer arguments than nginx takes where it stands, in
 * nginx's words ({@code invalid number of arguments in "X" directive}). The usual cause is a missing
 * {@code ;} that joins the next line's directive to this one: the finding then points at where the
 * {@code ;} belongs.
 */
public final class InvalidArgumentCount implements Rule {

    private static final RuleMeta META = RuleMeta.of("invalid-argument-count", Severity.ERROR,
            "a directive with more or fewer arguments than nginx takes, often a missing semicolon,"
                    + " so nginx refuses to start");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        DirectiveCatalogue catalogue = DirectiveCatalogue.standard();
        for (Statement s : CheckedDirectives.of(context.model())) {
            Directive directive = s.directive();
            if (!directive.isTerminated()) {
                continue; // syntax-error reports it, and nginx stops there first
            }
            Optional<DirectiveSpec> spec = catalogue.find(s.name());
            Optional<DirectiveSpec.Definition> definition = spec.flatMap(d -> d.definitionIn(s.scope().kind()));
            if (definition.isEmpty() || TargetVerdict.lacked(s, spec.get(), context.options().target())) {
                continue; // not this rule's: misplaced, or unknown to the target nginx, which says so first
            }
            Arity arity = definition.get().arity(s.name());
            int count = directive.argCount();
            if (arity.accepts(count)) {
                continue;
            }
            String message = "invalid number of arguments in \"" + s.name() + "\" directive (takes "
                    + describe(arity) + ", found " + count + ")";
            List<Related> related = List.of();
            Optional<Token> joined = joinedDirective(s, catalogue);
            if (joined.isPresent()) {
                String name = joined.get().text(directive.tree().text());
                message += "; a \";\" is probably missing before \"" + name + "\"";
                related = List.of(new Related(s.path(), joined.get().range(),
                        "this looks like the next directive: end the line before it with \";\""));
            }
            context.report(s.path(), directive.nameToken().range(), message, related, List.of());
        }
    }

    /**
     * The first argument that starts a line and names a known directive: where a missing {@code ;}
     * joined two lines.
     */
    private static Optional<Token> joinedDirective(Statement s, DirectiveCatalogue catalogue) {
        Directive directive = s.directive();
        String text = directive.tree().text();
        List<Token> args = directive.argTokens();
        for (int i = 0; i < args.size(); i++) {
            Token arg = args.get(i);
            if (startsLine(text, arg.range().start()) && catalogue.isKnown(arg.text(text))) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static boolean startsLine(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    private static String describe(Arity arity) {
        if (arity.max() == Arity.UNBOUNDED) {
            return arity.min() + " or more arguments";
        }
        if (arity.min() == arity.max()) {
            return arity.min() == 0 ? "no arguments" : arity.min() + (arity.min() == 1 ? " argument" : " arguments");
        }
        return arity.min() + " to " + arity.max() + " arguments";
    }
}
