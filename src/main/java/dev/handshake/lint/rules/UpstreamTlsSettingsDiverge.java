package dev.handshake.lint.rules;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.EffectiveSettings;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code upstream-tls-settings-diverge}: connections to the same upstream (same {@code upstream{}} or
 * host:port) with different effective TLS settings while session reuse is on for them. nginx caches
 * one TLS session per upstream and resumes it with the settings that created it, so one location's
 * name, SNI, verification or client certificate leaks into another's. Reported on each diverging
 * {@code *_pass}, the others related.
 */
public final class UpstreamTlsSettingsDiverge implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-tls-settings-diverge", Severity.WARNING,
            "locations share TLS sessions with one upstream but use different TLS settings",
            Applicability.SAFE);

    /** The TLS settings a resumed session carries from one connection to another. */
    private record Settings(String name, boolean sni, boolean verify, String ca, String certificate) {

        static Settings of(EffectiveSettings settings, UpstreamConnection c) {
            return new Settings(settings.value(c.home(), c.ssl("name"), c.target().defaultName()),
                    settings.isOn(c.home(), c.ssl("server_name"), false),
                    settings.isOn(c.home(), c.ssl("verify"), false),
                    settings.value(c.home(), c.ssl("trusted_certificate"), ""),
                    settings.value(c.home(), c.ssl("certificate"), ""));
        }

        /** The directive suffixes whose values differ between the two. */
        List<String> differences(Settings other) {
            List<String> names = new ArrayList<>();
            if (!name.equals(other.name)) {
                names.add("name");
            }
            if (sni != other.sni) {
                names.add("server_name");
            }
            if (verify != other.verify) {
                names.add("verify");
            }
            if (!ca.equals(other.ca)) {
                names.add("trusted_certificate");
            }
            if (!certificate.equals(other.certificate)) {
                names.add("certificate");
            }
            return names;
        }
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Map<String, List<UpstreamConnection>> byUpstream = new LinkedHashMap<>();
        for (UpstreamConnection c : context.model().upstreamConnections()) {
            boolean unknownHost = c.target().kind() == UpstreamTarget.Kind.VARIABLE && c.target().resolvedHost() == null;
            if (!unknownHost && context.settings().isOn(c.home(), c.ssl("session_reuse"), true)) {
                byUpstream.computeIfAbsent(c.upstreamKey(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<UpstreamConnection> sharing : byUpstream.values()) {
            List<Settings> settings = new ArrayList<>();
            for (UpstreamConnection c : sharing) {
                settings.add(Settings.of(context.settings(), c));
            }
            for (int i = 0; i < sharing.size(); i++) {
                reportIfDiverging(context, sharing, settings, i);
            }
        }
    }

    private static void reportIfDiverging(RuleContext context, List<UpstreamConnection> sharing,
                                          List<Settings> settings, int at) {
        UpstreamConnection c = sharing.get(at);
        List<Related> related = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        Set<Scope> locations = Collections.newSetFromMap(new IdentityHashMap<>());
        locations.add(c.home());
        for (int j = 0; j < sharing.size(); j++) {
            List<String> differences = settings.get(at).differences(settings.get(j));
            if (differences.isEmpty()) {
                continue;
            }
            UpstreamConnection other = sharing.get(j);
            locations.add(other.home());
            related.add(new Related(other.pass().path(), other.pass().range(),
                    "shares TLS sessions but differs in " + String.join(", ", differences) + ": " + other.describe()));
            for (String d : differences) {
                if (!differing.contains(c.ssl(d))) {
                    differing.add(c.ssl(d));
                }
            }
        }
        if (related.isEmpty()) {
            return;
        }
        String upstream = c.upstreamKey().substring(c.family().name().length() + 1);
        String message = "TLS sessions to " + upstream + " are reused across "
                + AffectedConnections.count(locations.size(), "location")
                + " whose settings differ (" + String.join(", ", differing) + "): a session resumed here carries "
                + "another location's name, verification or client certificate";
        Fix isolate = Fix.of("Isolate the session: add `" + c.ssl("session_reuse") + " off;`", Applicability.SAFE,
                TlsSettingEdits.setInScope(c.home(), Map.of(c.ssl("session_reuse"), "off"),
                        TlsSettingEdits.afterPass(context.model(), c)));
        context.report(c.pass(), message, related, List.of(isolate));
    }
}
