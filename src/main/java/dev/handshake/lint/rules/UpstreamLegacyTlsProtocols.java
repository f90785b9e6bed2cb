package dev.handshake.lint.rules;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.syntax.Token;
import dev.handshake.syntax.TokenKind;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code upstream-legacy-tls-protocols}: the effective {@code *_ssl_protocols} of a TLS upstream
 * allows SSLv2, SSLv3, TLSv1 or TLSv1.1. Reported on the written directive, once, with every
 * affected {@code *_pass} related.
 */
public final class UpstreamLegacyTlsProtocols implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-legacy-tls-protocols", Severity.WARNING,
            "the upstream connection allows SSLv2, SSLv3, TLSv1 or TLSv1.1", Applicability.SAFE);

    /** Protocol names nginx accepts (case-insensitively) that are broken or deprecated (RFC 8996). */
    private static final Set<String> LEGACY = Set.of("sslv2", "sslv3", "tlsv1", "tlsv1.1");

    /** What remains when every allowed protocol was a legacy one. */
    private static final String MODERN = "TLSv1.2 TLSv1.3";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        AffectedConnections written = new AffectedConnections();
        for (UpstreamConnection c : context.model().upstreamConnections()) {
            Optional<Statement> protocols = context.settings().effective(c.home(), c.ssl("protocols"));
            if (protocols.isPresent() && !legacy(protocols.get()).isEmpty()) {
                written.add(protocols.get(), c);
            }
        }
        for (AffectedConnections.Cause cause : written.causes()) {
            Statement protocols = cause.statement();
            List<String> old = new ArrayList<>();
            for (Token t : legacy(protocols)) {
                old.add(t.text(protocols.file().text()));
            }
            String message = "`" + protocols.name() + "` allows " + String.join(", ", old)
                    + ", broken or deprecated protocols an attacker can force the upstream connection down to ("
                    + AffectedConnections.count(cause.connections().size(), "connection") + ")";
            Fix remove = Fix.of("Remove legacy protocols: keep only TLSv1.2 and TLSv1.3", Applicability.SAFE,
                    removeLegacy(protocols));
            context.report(protocols, message, AffectedConnections.related(cause.connections()), List.of(remove));
        }
    }

    private static List<Token> legacy(Statement protocols) {
        List<Token> found = new ArrayList<>();
        for (int i = 0; i < protocols.directive().argCount(); i++) {
            if (LEGACY.contains(protocols.directive().arg(i).toLowerCase(Locale.ROOT))) {
                found.add(protocols.directive().argTokens().get(i));
            }
        }
        return found;
    }

    /**
     * Deletes each legacy argument with the blank before it, so comments and the other arguments
     * stay as written; when nothing would remain, the arguments become {@value #MODERN}.
     */
    private static List<FileEdit> removeLegacy(Statement protocols) {
        List<Token> args = protocols.directive().argTokens();
        List<Token> old = legacy(protocols);
        if (old.size() == args.size()) {
            TextRange all = new TextRange(args.get(0).start(), args.get(args.size() - 1).end());
            return List.of(new FileEdit(protocols.path(), TextEdit.replace(all, MODERN)));
        }
        List<Token> tokens = protocols.file().tree().tokens();
        List<FileEdit> edits = new ArrayList<>();
        for (Token arg : old) {
            int at = protocols.file().tree().tokenIndexAt(arg.start());
            int start = arg.start();
            if (at > 0 && tokens.get(at - 1).kind() == TokenKind.WHITESPACE) {
                start = tokens.get(at - 1).start();
            }
            edits.add(new FileEdit(protocols.path(), TextEdit.delete(new TextRange(start, arg.end()))));
        }
        return edits;
    }
}
