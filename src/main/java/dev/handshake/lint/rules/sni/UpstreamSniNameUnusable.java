package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.UpstreamTls;
import java.util.List;

/**
 * {@code upstream-sni-name-unusable}: no {@code *_ssl_name} is set and the target's own name is no
 * use. With SNI on: an IP literal (nothing is sent) or an {@code upstream{}} group (its name is
 * sent). With {@code *_ssl_verify on}, whether or not SNI is on, nginx checks the certificate against
 * the group name, which no certificate carries, so a group target fails verification for certain.
 * Reported on the {@code *_pass}.
 */
public final class UpstreamSniNameUnusable extends SniRule {

    /** How nginx matches an IP literal against a certificate, as measured on 1.22.1 and 1.31.5. */
    static final String IP_MATCHING = "an IPv4 address matches only a certificate whose subject CN is that address"
            + " and that has no DNS SAN (an IP-only SAN does not match), and an IPv6 address is checked with its"
            + " brackets and never matches";

    public UpstreamSniNameUnusable() {
        super(RuleMeta.of("upstream-sni-name-unusable", Severity.ERROR,
                "the upstream is named by an IP literal or an upstream{} group, no *_ssl_name is set, and SNI or"
                        + " verification needs a name",
                Applicability.NEEDS_INPUT));
    }

    @Override
    void check(RuleContext context, List<UpstreamTls> connections) {
        for (UpstreamTls f : connections) {
            if (!f.needsName()) {
                continue;
            }
            boolean verify = context.settings().effective(f.home(), f.connection().ssl("verify"))
                    .filter(s -> s.directive().argCount() > 0 && s.directive().arg(0).equals("on")).isPresent();
            boolean group = f.kind() == UpstreamTarget.Kind.GROUP;
            if (!f.sniOn() && !(verify && group)) {
                continue;
            }
            String nameDirective = f.connection().ssl("name");
            String verifyDirective = "`" + f.connection().ssl("verify") + " on`";
            String problem;
            if (!group) {
                problem = "the target is an IP literal, which is never sent as SNI"
                        + (verify ? "; with " + verifyDirective + " the certificate is checked against the address: "
                        + IP_MATCHING : "");
            } else if (!f.sniOn()) {
                problem = verifyDirective + " checks the certificate against the group name `" + f.group().name()
                        + "`, which no certificate carries, so verification fails (nginx: upstream SSL certificate"
                        + " does not match \"" + f.group().name() + "\") even though SNI is off";
            } else if (verify) {
                problem = "the group name `" + f.group().name() + "` is sent as SNI, and " + verifyDirective
                        + " checks the certificate against it, so verification fails";
            } else {
                problem = "the group name `" + f.group().name() + "` is sent as SNI, a name the upstream does not"
                        + " know, so it refuses the handshake or serves its default certificate";
            }
            context.report(f.connection().pass(),
                    "no usable name on " + f.describe() + ": " + problem + ", and no " + nameDirective
                            + " is set" + groupClause(f),
                    targetRelated(f),
                    List.of(SniFixes.sendSni(context.model(), List.of(f))));
        }
    }
}
