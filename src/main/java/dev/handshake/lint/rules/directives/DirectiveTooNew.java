package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.NginxTarget;
import java.util.List;

/**
 * Reports a directive (or parameter) newer than the nginx version the configuration is for, which
 * stops at it with {@code unknown directive}, {@code "X" directive is not allowed here} or
 * {@code invalid parameter}, as nginx words it. Silent unless a version is named (the command line's
 * {@code --nginx-version}, the editor's setting).
 */
public final class DirectiveTooNew implements Rule {

    private static final RuleMeta META = RuleMeta.of("directive-too-new", Severity.ERROR,
            "a directive or parameter newer than the targeted nginx version, which refuses it");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        NginxTarget target = context.options().target();
        if (target.named().isEmpty()) {
            return;
        }
        for (TargetVerdict v : TargetVerdict.all(CheckedDirectives.of(context.model()), target)) {
            if (v.missing().plusOnly()) {
                continue;
            }
            String message = v.history() + ": " + target.title() + " stops with " + v.nginxSays();
            context.report(v.statement().path(), v.at(), message, List.of(), List.of());
        }
    }
}
