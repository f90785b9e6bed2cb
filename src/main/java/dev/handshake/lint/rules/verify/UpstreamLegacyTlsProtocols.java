package dev.handshake.lint.rules.verify;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.Related;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.NginxVersion;
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
 * affected {@code *_pass} related; and, when the target nginx version is before 1.23.4, whose default
 * is {@code TLSv1 TLSv1.1 TLSv1.2}, on each {@code *_pass} that leaves the protocols unset.
 */
public final class UpstreamLegacyTlsProtocols implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-legacy-tls-protocols", Severity.WARNING,
            "the upstream connection allows SSLv2, SSLv3, TLSv1 or TLSv1.1", Applicability.SAFE);

    /** Protocol names nginx accepts (case-insensitively) that are broken or deprecated (RFC 8996). */
    private static final Set<String> LEGACY = Set.of("sslv2", "sslv3", "tlsv1", "tlsv1.1");

    /** What remains when every allowed protocol was a legacy one. */
    private static final String MODERN = "TLSv1.2 TLSv1.3";

    /** nginx 1.23.4 changed the default from {@value #OLD_DEFAULT} to {@value #MODERN}. */
    static final NginxVersion DEFAULT_CHANGED = new NginxVersion(1, 23, 4);
    private static final String OLD_DEFAULT = "TLSv1 TLSv1.1 TLSv1.2";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        List<WrittenCause<UpstreamConnection>> causes = AffectedConnections.collect(context,
                c -> context.settings().effective(c.home(), c.ssl("protocols")).filter(p -> !legacy(p).isEmpty()));
        for (WrittenCause<UpstreamConnection> cause : causes) {
            Statement protocols = cause.statement();
            List<String> old = new ArrayList<>();
            for (Token t : legacy(protocols)) {
                old.add(t.text(protocols.file().text()));
            }
            String message = "`" + protocols.name() + "` allows " + String.join(" and ", old)
                    + ": broken or deprecated protocols an attacker can force the upstream connection down to ("
                    + AffectedConnections.count(cause.affected().size(), "connection") + ")"
                    + AffectedConnections.groupNote(cause.affected());
            Fix remove = Fix.of("Remove legacy protocols: keep TLSv1.2 and newer", Applicability.SAFE,
                    removeLegacy(protocols));
            context.report(protocols, message, AffectedConnections.related(cause.affected()), List.of(remove));
        }
        Optional<NginxVersion> version = context.options().target().named();
        if (version.isPresent() && version.get().before(DEFAULT_CHANGED)) {
            for (UpstreamConnection c : context.model().upstreamConnections()) {
                if (context.settings().effective(c.home(), c.ssl("protocols")).isEmpty()) {
                    reportOldDefault(context, c, version.get());
                }
            }
        }
    }

    /** The protocols are unset, and the target nginx's default still allows TLSv1 and TLSv1.1. */
    private static void reportOldDefault(RuleContext context, UpstreamConnection c, NginxVersion version) {
        String directive = c.ssl("protocols");
        String message = "`" + directive + "` is not set, and before nginx 1.23.4 its default is `" + OLD_DEFAULT
                + "`: nginx " + version + " allows TLSv1 and TLSv1.1 to this upstream, broken or deprecated protocols"
                + " an attacker can force the connection down to (and never offers TLSv1.3)"
                + AffectedConnections.groupNote(List.of(c));
        Fix set = Fix.of("Set `" + directive + " " + MODERN + ";`", Applicability.SAFE,
                List.of(DirectiveEdits.insertForHome(context.model(), c, List.of(directive + " " + MODERN + ";"))));
        List<Related> related = new ArrayList<>();
        Related.via(c).ifPresent(related::add);
        related.addAll(AffectedConnections.groupsRelated(List.of(c)));
        context.report(c.pass().path(), c.pass().range(), message, related, List.of(set));
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
     * Deletes each run of legacy arguments with one blank beside it (the one before, unless the run
     * starts its line), so comments, line breaks and the other arguments stay as written; when nothing
     * would remain, the arguments become {@value #MODERN}.
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
        int i = 0;
        while (i < old.size()) {
            int first = protocols.file().tree().tokenIndexAt(old.get(i).start());
            int last = first;
            while (i + 1 < old.size() && onlyBlanksBetween(tokens, last, old.get(i + 1))) {
                i++;
                last = protocols.file().tree().tokenIndexAt(old.get(i).start());
            }
            i++;
            boolean blankBefore = tokens.get(first - 1).kind() == TokenKind.WHITESPACE;
            boolean startsLine = !blankBefore || tokens.get(first - 2).kind() == TokenKind.NEWLINE;
            boolean blankAfter = last + 1 < tokens.size() && tokens.get(last + 1).kind() == TokenKind.WHITESPACE;
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            if (blankBefore && !startsLine) {
                start = tokens.get(first - 1).start();
            } else if (blankAfter) {
                end = tokens.get(last + 1).end();
            }
            edits.add(new FileEdit(protocols.path(), TextEdit.delete(new TextRange(start, end))));
        }
        return edits;
    }

    /** True when only spaces and tabs lie between token {@code from} and {@code next}. */
    private static boolean onlyBlanksBetween(List<Token> tokens, int from, Token next) {
        for (int k = from + 1; k < tokens.size() && tokens.get(k).start() < next.start(); k++) {
            if (tokens.get(k).kind() != TokenKind.WHITESPACE) {
                return false;
            }
        }
        return true;
    }
}
