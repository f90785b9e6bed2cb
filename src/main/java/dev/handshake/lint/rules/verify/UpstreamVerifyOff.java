package dev.handshake.lint.rules.verify;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code upstream-verify-off}: nginx accepts any certificate from a TLS upstream. An error on a
 * written {@code *_ssl_verify off} (once, every affected {@code *_pass} related), a warning on the
 * {@code *_pass} where verification is only off by default.
 */
public final class UpstreamVerifyOff implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-verify-off", Severity.ERROR,
            "the upstream's certificate is not verified: any certificate, a man in the middle's included, is accepted"
                    + " (error where `off` is written, warning where off is only nginx's default)",
            Applicability.NEEDS_INPUT);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (UpstreamConnection c : context.model().upstreamConnections()) {
            if (context.settings().effective(c.home(), c.ssl("verify")).isEmpty()) {
                reportDefault(context, c);
            }
        }
        for (WrittenCause<UpstreamConnection> cause : AffectedConnections.collect(context,
                c -> AffectedConnections.writtenAs(context, c, "verify", "off"))) {
            reportWritten(context, cause);
        }
    }

    private static void reportWritten(RuleContext context, WrittenCause<UpstreamConnection> cause) {
        Statement off = cause.statement();
        List<UpstreamConnection> affected = cause.affected();
        UpstreamConnection first = affected.get(0);
        String message = "`" + off.name() + " off` makes nginx accept any upstream certificate, a man in the "
                + "middle's included, on " + AffectedConnections.count(affected.size(), "connection")
                + AffectedConnections.groupNote(affected);
        List<Fix> fixes = new ArrayList<>();
        fixes.add(VerifyFixes.verifyHere(context, first.family(), off.scope(), TlsSettingEdits.after(off), affected));
        VerifyFixes.hardenBaseline(context, first, off).ifPresent(fixes::add);
        context.report(Severity.ERROR, off.path(), off.range(), message, AffectedConnections.related(affected), fixes);
    }

    private static void reportDefault(RuleContext context, UpstreamConnection c) {
        String message = "the upstream certificate is not verified: `" + c.ssl("verify") + "` is off by default, "
                + "so nginx accepts any certificate, a man in the middle's included"
                + AffectedConnections.groupNote(List.of(c));
        List<Fix> fixes = new ArrayList<>();
        fixes.add(VerifyFixes.verifyHere(context, c.family(), c.home(), TlsSettingEdits.afterPass(context.model(), c),
                List.of(c)));
        VerifyFixes.hardenBaseline(context, c, null).ifPresent(fixes::add);
        List<Related> related = new ArrayList<>();
        Related.via(c).ifPresent(related::add);
        related.addAll(AffectedConnections.groupsRelated(List.of(c)));
        context.report(Severity.WARNING, c.pass().path(), c.pass().range(), message, related, fixes);
    }
}
