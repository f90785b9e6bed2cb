package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.UpstreamTls;
import java.util.List;

/**
 * {@code upstream-sni-name-ignored}: a {@code *_ssl_name} is in force but {@code *_ssl_server_name} is
 * off, so the name is never sent. Reported once on the written name, with the connections as related.
 */
public final class UpstreamSniNameIgnored extends SniRule {

    public UpstreamSniNameIgnored() {
        super(RuleMeta.of("upstream-sni-name-ignored", Severity.WARNING,
                "*_ssl_name is set but *_ssl_server_name is off: the name is never sent",
                Applicability.SAFE));
    }

    @Override
    void check(RuleContext context, List<UpstreamTls> connections) {
        for (WrittenCause<UpstreamTls> e : byCause(connections, f -> !f.sniOn(), UpstreamTls::name)) {
            List<UpstreamTls> affected = e.affected();
            List<Related> related = related(affected, "never sends this name", false);
            String serverName = affected.get(0).connection().ssl("server_name");
            String where = related.size() == 1 ? affected.get(0).describe() : related.size() + " HTTPS upstream connections";
            context.report(e.statement(), "`" + written(e.statement()) + "` is never sent: " + serverName
                    + " is off for " + where + ", so no SNI goes out at all", related,
                    List.of(SniFixes.turnOn(context.model(), affected)));
        }
    }
}
