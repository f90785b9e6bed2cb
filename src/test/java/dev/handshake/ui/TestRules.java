package dev.handshake.ui;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Severity;
import dev.handshake.lint.rules.directives.SyntaxErrorRule;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax rule plus one small rule with a known safe fix, so the editor tests do not depend on
 * which TLS rules have landed: {@code proxy_ssl_verify off} is a warning whose fix turns it on.
 */
final class TestRules {

    static final String VERIFY_OFF = "test-verify-off";

    private TestRules() {
    }

    /** Syntax errors and the test rule only: the TLS rules stay out of these tests' way. */
    static Linter linter() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new SyntaxErrorRule());
        rules.add(new Rule() {
            private final RuleMeta meta = RuleMeta.of(VERIFY_OFF, Severity.WARNING,
                    "certificate verification is off", Applicability.SAFE);

            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(RuleContext context) {
                for (Statement s : context.model().statements()) {
                    if (s.name().equals("proxy_ssl_verify") && s.directive().argCount() == 1
                            && s.directive().arg(0).equals("off")) {
                        context.report(s, "upstream certificate is not verified", List.of(), List.of(
                                Fix.of("Verify the certificate: set proxy_ssl_verify on", Applicability.SAFE,
                                        List.of(DirectiveEdits.replaceArg(s, 0, "on")))));
                    }
                }
            }
        });
        return new Linter(rules, LintOptions.defaults());
    }
}
