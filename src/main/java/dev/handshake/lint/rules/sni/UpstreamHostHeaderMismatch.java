package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamTls;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code upstream-host-header-mismatch}: a proxy to an IP or an {@code upstream{}} group sets an SNI
 * name N, but the Host header is the default {@code $proxy_host} or a literal other than N, so the
 * upstream's virtual-host routing never sees N. Reported on the {@code proxy_pass}.
 */
public final class UpstreamHostHeaderMismatch extends SniRule {

    public UpstreamHostHeaderMismatch() {
        super(RuleMeta.of("upstream-host-header-mismatch", Severity.WARNING,
                "the Host header sent to an upstream reached by IP or group is not its SNI name",
                Applicability.SAFE));
    }

    @Override
    void check(RuleContext context, List<UpstreamTls> connections) {
        for (UpstreamTls f : connections) {
            String sniName = f.nameValue();
            if (sniName == null || !f.hostMisses(sniName)) {
                continue;
            }
            List<Related> related = new ArrayList<>();
            Statement name = f.name().orElseThrow();
            related.add(new Related(name.path(), name.range(), "the SNI name"));
            f.host().ifPresent(h -> related.add(new Related(h.path(), h.range(), "the Host header in force")));
            related.addAll(targetRelated(f));
            String host = f.host().isPresent() ? "`" + f.hostValue() + "`" : "the default `" + UpstreamTls.PROXY_HOST + "` ("
                    + f.connection().target().host() + ")";
            if (f.clientHost()) {
                host += ", the client's own Host (this server's server_name does not include " + sniName
                        + ", so a client never sends it)";
            }
            context.report(f.connection().pass(), "the Host header on " + f.describe() + " is " + host
                    + " but the SNI name is `" + sniName + "`: the upstream picks its virtual server by Host and"
                    + " will not route to " + sniName, related, List.of(SniFixes.setHost(context.model(), f)));
        }
    }
}
