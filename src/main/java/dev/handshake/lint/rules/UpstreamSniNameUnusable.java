package dev.handshake.lint.rules;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.UpstreamTarget;
import java.util.List;

/**
 * {@code upstream-sni-name-unusable}: SNI is on but no {@code *_ssl_name} is set, and the target's own
 * name is no use: an IP literal (nothing is sent, and verification can never match) or an
 * {@code upstream{}} group (its name is sent). Reported on the {@code *_pass}.
 */
final class UpstreamSniNameUnusable extends SniRule {

    UpstreamSniNameUnusable() {
        super(RuleMeta.of("upstream-sni-name-unusable", Severity.ERROR,
                "SNI is on, but the upstream is named by an IP literal or an upstream{} group and no *_ssl_name is set",
                Applicability.NEEDS_INPUT));
    }

    @Override
    void check(RuleContext context, List<SniFacts> connections) {
        for (SniFacts f : connections) {
            if (!f.sniOn() || !f.needsName()) {
                continue;
            }
            String nameDirective = f.connection().ssl("name");
            String problem = f.kind() == UpstreamTarget.Kind.IP
                    ? "the target is an IP literal, which is never sent as SNI and never matches a certificate name"
                    : "the group name `" + f.group().name() + "` is sent as SNI and checked against the certificate";
            context.report(f.connection().pass(),
                    "no usable SNI name on " + f.describe() + ": " + problem + ", and no " + nameDirective
                            + " is set" + f.groupClause(),
                    f.groupRelated().map(List::of).orElse(List.of()),
                    List.of(SniFixes.sendSni(context.model(), List.of(f))));
        }
    }
}
