package dev.handshake.lint.rules;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code upstream-sni-off}: an HTTPS upstream connection sends no SNI because the effective
 * {@code *_ssl_server_name} is off. A written {@code off} is reported once, on itself, with every
 * connection it silences as related; the default is reported on each {@code *_pass}.
 */
final class UpstreamSniOff implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-sni-off", Severity.ERROR,
            "no SNI is sent to an HTTPS upstream: *_ssl_server_name is off",
            Applicability.SAFE, Applicability.NEEDS_INPUT);

    private static final int LISTED = 3;

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Map<String, List<SniFacts>> byWritten = new LinkedHashMap<>();
        for (SniFacts f : SniFacts.of(context.model())) {
            if (f.sniOn()) {
                continue;
            }
            Statement written = f.sniSource().orElse(null);
            if (written == null) {
                String directive = f.connection().ssl("server_name");
                context.report(f.connection().pass(),
                        "no SNI is sent on " + f.describe() + " (" + directive + " is off by default): "
                                + "an upstream that needs SNI refuses the handshake" + f.groupClause(),
                        f.groupRelated().map(List::of).orElse(List.of()),
                        List.of(SniFixes.sendSni(context.model(), List.of(f))));
                continue;
            }
            byWritten.computeIfAbsent(written.path() + "#" + written.range().start(), k -> new ArrayList<>()).add(f);
        }
        for (List<SniFacts> affected : byWritten.values()) {
            reportWritten(context, affected);
        }
    }

    private static void reportWritten(RuleContext context, List<SniFacts> affected) {
        Statement written = affected.get(0).sniSource().orElseThrow();
        List<Related> related = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> clauses = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (SniFacts f : affected) {
            Statement pass = f.connection().pass();
            if (seen.add(pass.path() + "#" + pass.range().start() + "#" + f.describe())) {
                related.add(f.passRelated("sends no SNI"));
                names.add(f.describe());
            }
            f.groupRelated().filter(g -> seen.add(g.file() + "#" + g.range().start())).ifPresent(related::add);
            if (!f.groupClause().isEmpty()) {
                clauses.add(f.groupClause());
            }
        }
        String listed = String.join("; ", names.subList(0, Math.min(LISTED, names.size())))
                + (names.size() > LISTED ? "; and " + (names.size() - LISTED) + " more" : "");
        String subject = names.size() == 1 ? "the HTTPS upstream connection " : names.size() + " HTTPS upstream connections: ";
        String message = "`" + SniFacts.written(written) + "` sends no SNI on " + subject + listed
                + "; an upstream that needs SNI refuses the handshake" + String.join("", clauses);
        context.report(written, message, related, List.of(SniFixes.sendSni(context.model(), affected)));
    }
}
