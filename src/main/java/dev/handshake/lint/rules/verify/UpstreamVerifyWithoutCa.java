package dev.handshake.lint.rules.verify;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import java.util.List;

/**
 * {@code upstream-verify-without-ca}: {@code *_ssl_verify on} is in force for a TLS upstream but no
 * {@code *_ssl_trusted_certificate} is, which {@code nginx -t} refuses. Reported on the written
 * {@code *_ssl_verify on}, once, with every affected {@code *_pass} related. A pass with a variable in
 * its URL counts whatever its scheme ({@link dev.handshake.nginx.ConfigModel#variablePasses}): nginx
 * prepares TLS for it, and {@code nginx -t} fails for {@code proxy_pass http://$host:9446;} too.
 */
public final class UpstreamVerifyWithoutCa implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-verify-without-ca", Severity.ERROR,
            "upstream verification is on but no CA is trusted: nginx refuses to start",
            Applicability.NEEDS_INPUT);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        List<WrittenCause<UpstreamConnection>> causes = AffectedConnections.collect(
                AffectedConnections.checkedByNginxTest(context),
                c -> AffectedConnections.writtenAs(context, c, "verify", "on")
                        .filter(verify -> context.settings().effective(c.home(), c.ssl("trusted_certificate")).isEmpty()));
        for (WrittenCause<UpstreamConnection> cause : causes) {
            Statement verify = cause.statement();
            UpstreamConnection first = cause.affected().get(0);
            String trusted = first.ssl("trusted_certificate");
            String message = "`" + verify.name() + " on` with no `" + trusted + "` in force: nginx -t fails with "
                    + "\"no " + trusted + " for " + verify.name() + "\" ("
                    + AffectedConnections.count(cause.affected().size(), "connection") + ")"
                    + AffectedConnections.groupNote(cause.affected());
            context.report(verify, message, AffectedConnections.related(cause.affected()),
                    List.of(VerifyFixes.trustCa(context, first.family(), verify)));
        }
    }
}
