package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.syntax.SyntaxError;
import java.util.List;

/** Reports the parser's syntax errors in every file of the configuration. */
public final class SyntaxErrorRule implements Rule {

    private static final RuleMeta META = RuleMeta.of(Linter.SYNTAX_ERROR, Severity.ERROR,
            "nginx cannot read this file: a brace, quote or semicolon is missing or extra");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (ConfigFile file : context.model().files()) {
            for (SyntaxError error : file.parse().errors()) {
                context.report(file.path(), error.range(), error.message(), List.of(), List.of());
            }
        }
    }
}
