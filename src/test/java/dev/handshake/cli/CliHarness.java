package dev.handshake.cli;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.Statement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs the CLI in a directory with the syntax and include rules plus two test rules that offer fixes. */
final class CliHarness {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static final String SNI_RULE = "cli-test-sni";
    static final String CA_RULE = "cli-test-ca";
    private static final Set<String> STRUCTURAL = Set.of(
            "syntax-error", "include-not-found", "include-cycle", "include-unreadable");

    private CliHarness() {
    }

    static Run run(Path workingDirectory, String... args) {
        return runWithStdin(workingDirectory, new byte[0], args);
    }

    /** As {@link #run}, with {@code stdin} as standard input. */
    static Run runWithStdin(Path workingDirectory, byte[] stdin, String... args) {
        // The structural rules only, so the expected output does not move as TLS rules land.
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            if (STRUCTURAL.contains(rule.meta().id())) {
                rules.add(rule);
            }
        }
        rules.add(new MissingDirective(RuleMeta.of(SNI_RULE, Severity.ERROR, "no SNI for an HTTPS upstream",
                Applicability.SAFE), "proxy_ssl_server_name"));
        rules.add(new MissingDirective(RuleMeta.of(CA_RULE, Severity.WARNING, "no CA for an HTTPS upstream",
                Applicability.NEEDS_INPUT), "proxy_ssl_trusted_certificate"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(workingDirectory, rules).execute(args, new java.io.ByteArrayInputStream(stdin), o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Flags {@code proxy_pass https://...} in a block without {@code directive}: a safe fix adds
     * {@code proxy_ssl_server_name on;}, the needs-input one adds {@code proxy_ssl_trusted_certificate CA;}.
     */
    private static final class MissingDirective implements Rule {
        private final RuleMeta meta;
        private final String directive;

        MissingDirective(RuleMeta meta, String directive) {
            this.meta = meta;
            this.directive = directive;
        }

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            for (Statement s : context.model().statements()) {
                if (!s.name().equals("proxy_pass") || s.directive().argCount() != 1
                        || !s.directive().arg(0).startsWith("https://") || !s.scope().statements(directive).isEmpty()) {
                    continue;
                }
                Fix fix;
                if (meta.fixKinds().contains(Applicability.SAFE)) {
                    fix = Fix.of("Send SNI: add `" + directive + " on;`", Applicability.SAFE,
                            List.of(DirectiveEdits.insertAfter(s, List.of(directive + " on;"))));
                } else {
                    FixInput ca = new FixInput(FixInput.Key.TRUSTED_CA, "CA bundle", List.of("/etc/ssl/certs/ca-certificates.crt"));
                    fix = Fix.withInputs("Trust a CA: add `" + directive + "`", List.of(ca), values ->
                            List.of(DirectiveEdits.insertAfter(s, List.of(directive + " "
                                    + DirectiveEdits.quote(values.get(FixInput.Key.TRUSTED_CA)) + ";"))));
                }
                context.report(s, directive + " is missing for " + s.directive().arg(0),
                        List.of(new Related(s.path(), s.scope().opener() != null ? s.scope().opener().range() : s.range(), "in this block")), List.of(fix));
            }
        }
    }
}
