package dev.handshake.lint.rules.verify;

import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.rules.sni.SniNames;
import dev.handshake.nginx.EffectiveSettings;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.TlsFamily;
import dev.handshake.nginx.UpstreamConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fixes that turn upstream certificate verification on: "Verify the upstream" where the
 * connection (or the written {@code off}) is, "Harden the baseline" once at http (or stream) level,
 * and "Trust a CA" where verification is on without one. They never offer {@code *_ssl_verify off}.
 */
final class VerifyFixes {

    /** The chain depth set along with verification: a leaf, one intermediate, and the root. */
    static final String VERIFY_DEPTH = "2";

    private VerifyFixes() {
    }

    /** What to ask for: the CA bundle, with ranked suggestions. */
    static FixInput caInput(RuleContext context) {
        return new FixInput(FixInput.Key.TRUSTED_CA, "CA certificate file (PEM) that signs the upstream's certificate",
                TlsSettingEdits.caCandidates(context.model(), context.options()));
    }

    /**
     * Verify the upstream: in {@code scope} (the connection's home, or where {@code off} is written),
     * {@code *_ssl_verify on} (replacing a written {@code off} in place), the CA only where no
     * {@code *_ssl_trusted_certificate} is in force (an existing one, a private CA say, is never
     * replaced), and the verify depth unless one is already set.
     */
    static Fix verifyHere(RuleContext context, TlsFamily family, Scope scope,
                          Function<List<String>, FileEdit> insert) {
        return verifyHere(context, family, scope, insert, List.of());
    }

    /**
     * As {@link #verifyHere(RuleContext, TlsFamily, Scope, Function)}; when one of {@code affected}
     * is an {@code upstream{}} group with no {@code *_ssl_name} in force, nginx would check the
     * certificate against the group name and fail (issue 9), so the fix also asks for the name and
     * sets {@code *_ssl_name} beside the other directives.
     */
    static Fix verifyHere(RuleContext context, TlsFamily family, Scope scope,
                          Function<List<String>, FileEdit> insert, List<UpstreamConnection> affected) {
        List<UpstreamConnection> unnamed = affected.stream()
                .filter(c -> c.target().kind() == dev.handshake.nginx.UpstreamTarget.Kind.GROUP)
                .filter(c -> context.settings().effective(c.home(), c.ssl("name")).isEmpty()).toList();
        if (unnamed.isEmpty()) {
            return Fix.withInputs("Verify the upstream: set `" + family.ssl("verify") + " on;` with a trusted CA",
                    List.of(caInput(context)),
                    values -> verifyEdits(context.settings(), family, scope, values.get(FixInput.Key.TRUSTED_CA), insert));
        }
        FixInput name = new FixInput(FixInput.Key.SNI_NAME, "Name on the upstream's certificate, checked instead of the"
                + " group name for " + unnamed.get(0).describe(),
                SniNames.candidates(unnamed.stream().map(c -> context.model().upstreamTls(c)).toList(),
                        context.model().upstreamTls()));
        return Fix.withInputs("Verify the upstream: set `" + family.ssl("verify") + " on;` with a trusted CA and `"
                        + family.ssl("name") + " NAME;`", List.of(caInput(context), name),
                values -> {
                    String chosen = values.get(FixInput.Key.SNI_NAME);
                    if (chosen == null || chosen.isBlank()) {
                        return List.of();
                    }
                    String nameLine = family.ssl("name") + " " + DirectiveEdits.quote(chosen.strip()) + ";";
                    boolean[] inserted = {false};
                    List<FileEdit> edits = new ArrayList<>(verifyEdits(context.settings(), family, scope,
                            values.get(FixInput.Key.TRUSTED_CA), directives -> {
                                inserted[0] = true;
                                List<String> all = new ArrayList<>(directives);
                                all.add(nameLine);
                                return insert.apply(all);
                            }));
                    if (!inserted[0]) {
                        edits.add(insert.apply(List.of(nameLine)));
                    }
                    return edits;
                });
    }

    /**
     * Harden the baseline: the same directives once at the start of the http (or stream) block, so
     * every location inherits them; a written {@code off} below is turned {@code on} in place, since
     * it would otherwise still win. Empty when the file has no such block (a fragment).
     */
    static Optional<Fix> hardenBaseline(RuleContext context, UpstreamConnection connection, Statement writtenOff) {
        ScopeKind top = connection.family() == TlsFamily.STREAM ? ScopeKind.STREAM : ScopeKind.HTTP;
        Scope base = connection.home().nearest(top);
        if (base == null || base.opener() == null) {
            return Optional.empty();
        }
        TlsFamily family = connection.family();
        return Optional.of(Fix.withInputs("Harden the baseline: verify every upstream from the " + top.label()
                        + " block", List.of(caInput(context)), values -> {
            List<FileEdit> edits = new ArrayList<>(verifyEdits(context.settings(), family, base,
                    values.get(FixInput.Key.TRUSTED_CA), TlsSettingEdits.atStartOf(base.opener())));
            if (writtenOff != null && writtenOff.scope() != base) {
                edits.add(DirectiveEdits.replaceArg(writtenOff, 0, "on"));
            }
            return edits;
        }));
    }

    /** Trust a CA: add {@code *_ssl_trusted_certificate} right after the written {@code *_ssl_verify on}. */
    static Fix trustCa(RuleContext context, TlsFamily family, Statement verifyOn) {
        String name = family.ssl("trusted_certificate");
        return Fix.withInputs("Trust a CA: add `" + name + "`", List.of(caInput(context)),
                values -> TlsSettingEdits.setInScope(verifyOn.scope(),
                        Map.of(name, values.get(FixInput.Key.TRUSTED_CA)), TlsSettingEdits.after(verifyOn)));
    }

    private static List<FileEdit> verifyEdits(EffectiveSettings settings, TlsFamily family, Scope scope, String ca,
                                              Function<List<String>, FileEdit> insert) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(family.ssl("verify"), "on");
        String trusted = family.ssl("trusted_certificate");
        // an argument-less one is no CA in force: nginx refuses the file for it, so it is rewritten
        if (ca != null && !ca.isBlank() && settings.effective(scope, trusted)
                .filter(s -> s.directive().argCount() == 1).isEmpty()) {
            values.put(trusted, ca);
        }
        if (settings.effective(scope, family.ssl("verify_depth")).isEmpty()) {
            values.put(family.ssl("verify_depth"), VERIFY_DEPTH);
        }
        return TlsSettingEdits.setInScope(scope, values, insert);
    }
}
