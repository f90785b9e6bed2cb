package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.NginxTarget;
import java.util.List;

/**
 * Reports an NGINX Plus directive (or parameter) when the configuration is for open-source nginx,
 * which stops at it with {@code unknown directive}. Targeting NGINX Plus (the command line's
 * {@code --nginx plus}, the editor's setting) silences it.
 */
public final class DirectiveNotInEdition implements Rule {

    private static final RuleMeta META = RuleMeta.of("directive-not-in-edition", Severity.WARNING,
            "an NGINX Plus directive in a config for open-source nginx, which stops at it with \"unknown directive\"");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        NginxTarget target = context.options().target();
        for (TargetVerdict v : TargetVerdict.all(CheckedDirectives.of(context.model()), target)) {
            if (!v.missing().plusOnly()) {
                continue;
            }
            String message = v.history() + ": " + target.title() + " stops with " + v.nginxSays()
                    + " (for NGINX Plus, target it: --nginx plus, or Settings > Configs are for)";
            context.report(v.statement().path(), v.at(), message, List.of(), List.of());
        }
    }
}
