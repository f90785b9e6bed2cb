package dev.handshake.lint.rules.verify;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code upstream-client-cert-incomplete}: a client certificate for a TLS upstream without its key,
 * or a key without its certificate (effective values). Reported on the written orphan, once, with
 * every affected {@code *_pass} related. A certificate without its key also counts over a pass with a
 * variable whatever its scheme ({@code nginx -t} fails there too); a key without its certificate only
 * matters on a known TLS connection.
 */
public final class UpstreamClientCertIncomplete implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-client-cert-incomplete", Severity.ERROR,
            "a client certificate without its private key, or a key without its certificate",
            Applicability.NEEDS_INPUT);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Set<UpstreamConnection> variablePasses = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        variablePasses.addAll(context.model().variablePasses());
        List<WrittenCause<UpstreamConnection>> causes = AffectedConnections.collect(
                AffectedConnections.checkedByNginxTest(context), c -> {
                    Optional<Statement> cert = written(context, c, "certificate");
                    Optional<Statement> key = written(context, c, "certificate_key");
                    if (variablePasses.contains(c)) {
                        return key.isPresent() ? Optional.empty() : cert;
                    }
                    return cert.isPresent() == key.isPresent() ? Optional.empty() : cert.or(() -> key);
                });
        for (WrittenCause<UpstreamConnection> cause : causes) {
            Statement orphan = cause.statement();
            UpstreamConnection first = cause.affected().get(0);
            boolean keyMissing = orphan.name().equals(first.ssl("certificate"));
            String missing = keyMissing ? first.ssl("certificate_key") : first.ssl("certificate");
            String path = orphan.directive().arg(0);
            String message = keyMissing
                    ? "`" + orphan.name() + "` without `" + missing + "`: nginx -t fails with no \"" + missing
                      + "\" is defined for certificate \"" + path + "\""
                    : "`" + orphan.name() + "` without `" + missing + "`: nginx ignores the key and sends no client "
                      + "certificate, so an upstream that requires one refuses the connection";
            message += " (" + AffectedConnections.count(cause.affected().size(), "connection") + ")"
                    + AffectedConnections.groupNote(cause.affected());
            FixInput input = new FixInput(keyMissing ? FixInput.Key.CLIENT_KEY : FixInput.Key.CLIENT_CERTIFICATE,
                    keyMissing ? "Private key file of the client certificate " + path
                            : "Client certificate file for the key " + path,
                    partners(path, keyMissing));
            Fix complete = Fix.withInputs("Complete the client certificate: add `" + missing + "`", List.of(input),
                    values -> TlsSettingEdits.setInScope(orphan.scope(), Map.of(missing, values.get(input.kind())),
                            TlsSettingEdits.after(orphan)));
            context.report(orphan, message, AffectedConnections.related(cause.affected()), List.of(complete));
        }
    }

    /** The effective {@code *_ssl_<suffix>} with a non-empty value, if any. */
    private static Optional<Statement> written(RuleContext context, UpstreamConnection c, String suffix) {
        return context.settings().effective(c.home(), c.ssl(suffix))
                .filter(s -> s.directive().argCount() == 1 && !s.directive().arg(0).isEmpty());
    }

    /**
     * Likely names of the other half of a certificate/key pair, best first: {@code x.crt -> x.key},
     * {@code x-cert.pem -> x-key.pem}, {@code fullchain.pem -> privkey.pem}, and the reverse; a
     * {@code .pem} may hold both, so the file itself comes last.
     */
    static List<String> partners(String path, boolean wantKey) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1);
        String file = path.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String extension = dot > 0 ? file.substring(dot) : "";
        Set<String> names = new LinkedHashSet<>();
        String from = wantKey ? "cert" : "key";
        String to = wantKey ? "key" : "cert";
        if (wantKey && Set.of("fullchain.pem", "cert.pem", "chain.pem").contains(file)) {
            names.add("privkey.pem");
        } else if (!wantKey && file.equals("privkey.pem")) {
            names.add("fullchain.pem");
            names.add("cert.pem");
        } else if (base.contains(from)) {
            names.add(replaceLast(base, from, to) + extension);
        }
        if (wantKey) {
            names.add(base + ".key");
        } else {
            names.add(base + ".crt");
            names.add(base + ".pem");
        }
        names.remove(file);
        List<String> candidates = new ArrayList<>();
        for (String name : names) {
            candidates.add(dir + name);
        }
        if (extension.equals(".pem")) {
            candidates.add(path);
        }
        return candidates;
    }

    private static String replaceLast(String text, String from, String to) {
        int at = text.lastIndexOf(from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
