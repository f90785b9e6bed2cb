package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamTls;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code upstream-sni-off}: an HTTPS upstream connection sends no SNI because the effective
 * {@code *_ssl_server_name} is off. A written {@code off} is reported once, on itself, with every
 * connection it silences as related; the default is reported on each {@code *_pass}.
 */
public final class UpstreamSniOff extends SniRule {

    private static final int LISTED = 3;

    public UpstreamSniOff() {
        super(RuleMeta.of("upstream-sni-off", Severity.ERROR,
                "no SNI is sent to an HTTPS upstream: *_ssl_server_name is off",
                Applicability.SAFE, Applicability.NEEDS_INPUT));
    }

    @Override
    void check(RuleContext context, List<UpstreamTls> connections) {
        for (UpstreamTls f : connections) {
            if (f.sniOn() || f.sniSource().isPresent()) {
                continue;
            }
            String directive = f.connection().ssl("server_name");
            context.report(f.connection().pass(),
                    "no SNI is sent on " + f.describe() + " (" + directive + " is off by default): "
                            + "an upstream that needs SNI refuses the handshake" + groupClause(f),
                    targetRelated(f),
                    List.of(SniFixes.sendSni(context.model(), List.of(f))));
        }
        for (WrittenCause<UpstreamTls> e : byCause(connections, f -> !f.sniOn(), UpstreamTls::sniSource)) {
            reportWritten(context, e.statement(), e.affected());
        }
    }

    private static void reportWritten(RuleContext context, Statement written, List<UpstreamTls> affected) {
        List<Related> related = related(affected, "sends no SNI", true);
        Set<String> names = new LinkedHashSet<>();
        Set<String> clauses = new LinkedHashSet<>();
        for (UpstreamTls f : affected) {
            names.add(f.describe());
            clauses.add(groupClause(f));
        }
        List<String> listed = List.copyOf(names);
        String shown = String.join("; ", listed.subList(0, Math.min(LISTED, listed.size())))
                + (listed.size() > LISTED ? "; and " + (listed.size() - LISTED) + " more" : "");
        String subject = listed.size() == 1 ? "the HTTPS upstream connection " : listed.size() + " HTTPS upstream connections: ";
        String message = "`" + written(written) + "` sends no SNI on " + subject + shown
                + "; an upstream that needs SNI refuses the handshake" + String.join("", clauses);
        context.report(written, message, related, List.of(SniFixes.sendSni(context.model(), affected)));
    }
}
