package dev.handshake.lint.rules.verify;

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
import java.util.HashMap;
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

        static final List<String> SUFFIXES = List.of("name", "server_name", "verify", "trusted_certificate",
                "certificate");

        /** The values in {@link #SUFFIXES} order. */
        List<Object> fields() {
            return List.of(name, sni, verify, ca, certificate);
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

    /** Related entries listed per finding; the rest are summed up in one "and N more" entry. */
    static final int RELATED_LIMIT = 10;

    @Override
    public void check(RuleContext context) {
        Map<UpstreamConnection.SessionKey, List<UpstreamConnection>> byUpstream = new LinkedHashMap<>();
        for (UpstreamConnection c : context.model().upstreamConnections()) {
            boolean unknownHost = c.target().kind() == UpstreamTarget.Kind.VARIABLE && c.target().resolvedHost() == null;
            if (!unknownHost && context.settings().isOn(c.home(), c.ssl("session_reuse"), true)) {
                byUpstream.computeIfAbsent(c.sessionKey(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<UpstreamConnection> sharing : byUpstream.values()) {
            new Group(context, sharing).report();
        }
    }

    /**
     * The connections sharing one upstream's sessions, classed by their settings (hashed, never
     * compared in pairs): a connection diverges from every connection of another class.
     */
    private static final class Group {
        private final RuleContext context;
        private final List<UpstreamConnection> sharing;
        private final List<Settings> settings = new ArrayList<>();
        private final Map<Settings, Integer> classSize = new HashMap<>();
        /** Per home, the one class its connections have, or {@code null} when they have several. */
        private final Map<Scope, Settings> homeClass = new IdentityHashMap<>();
        private final Set<Scope> mixedHomes = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Settings, Integer> singleClassHomes = new HashMap<>();
        private final Map<Settings, List<Integer>> firstOthers = new HashMap<>();
        /** The related entries every connection of one class shows (the same others, the same differences). */
        private final Map<Settings, List<Related>> shownOthers = new HashMap<>();

        Group(RuleContext context, List<UpstreamConnection> sharing) {
            this.context = context;
            this.sharing = sharing;
            for (UpstreamConnection c : sharing) {
                Settings s = Settings.of(context.settings(), c);
                settings.add(s);
                classSize.merge(s, 1, Integer::sum);
                if (!mixedHomes.contains(c.home())) {
                    Settings known = homeClass.putIfAbsent(c.home(), s);
                    if (known != null && !known.equals(s)) {
                        homeClass.remove(c.home());
                        mixedHomes.add(c.home());
                    }
                }
            }
            for (Settings s : homeClass.values()) {
                singleClassHomes.merge(s, 1, Integer::sum);
            }
        }

        void report() {
            if (classSize.size() < 2) {
                return;
            }
            List<String> differing = differingSuffixes();
            for (int i = 0; i < sharing.size(); i++) {
                reportDiverging(i, differing);
            }
        }

        /** The suffixes with more than one value in the group: each differs for every connection. */
        private List<String> differingSuffixes() {
            List<Set<Object>> values = new ArrayList<>();
            for (int f = 0; f < Settings.SUFFIXES.size(); f++) {
                values.add(new java.util.HashSet<>());
            }
            for (Settings s : settings) {
                List<Object> fields = s.fields();
                for (int f = 0; f < fields.size(); f++) {
                    values.get(f).add(fields.get(f));
                }
            }
            List<String> differing = new ArrayList<>();
            for (int f = 0; f < values.size(); f++) {
                if (values.get(f).size() > 1) {
                    differing.add(Settings.SUFFIXES.get(f));
                }
            }
            return differing;
        }

        /** Locations this connection's sessions mix with: its own and every one holding another class. */
        private int locationCount(UpstreamConnection c, Settings own) {
            int count = mixedHomes.size() + homeClass.size() - singleClassHomes.getOrDefault(own, 0);
            return mixedHomes.contains(c.home()) ? count : count + 1;
        }

        /** The first {@link #RELATED_LIMIT} + 1 connections (by index) whose class is not {@code own}. */
        private List<Integer> firstOthers(Settings own) {
            return firstOthers.computeIfAbsent(own, k -> {
                List<Integer> found = new ArrayList<>();
                for (int j = 0; j < sharing.size() && found.size() <= RELATED_LIMIT; j++) {
                    if (!settings.get(j).equals(own)) {
                        found.add(j);
                    }
                }
                return found;
            });
        }

        private List<Related> shownOthers(Settings own) {
            return shownOthers.computeIfAbsent(own, k -> {
                List<Related> related = new ArrayList<>();
                List<Integer> shown = firstOthers(own);
                for (int i = 0; i < shown.size() && i < RELATED_LIMIT; i++) {
                    UpstreamConnection other = sharing.get(shown.get(i));
                    List<String> differences = own.differences(settings.get(shown.get(i)));
                    related.add(new Related(other.pass().path(), other.pass().range(),
                            "shares TLS sessions but differs in " + String.join(", ", differences) + ": "
                                    + other.describe()));
                }
                return List.copyOf(related);
            });
        }

        private void reportDiverging(int at, List<String> groupDiffering) {
            UpstreamConnection c = sharing.get(at);
            Settings own = settings.get(at);
            int others = sharing.size() - classSize.get(own);
            List<Related> related = new ArrayList<>(shownOthers(own));
            List<String> differing = new ArrayList<>();
            if (others > RELATED_LIMIT) {
                related.add(new Related(c.pass().path(), c.pass().range(), "and " + (others - RELATED_LIMIT)
                        + " more connections that share these TLS sessions with other settings"));
            }
            for (String d : groupDiffering) {
                differing.add(c.ssl(d));
            }
            String upstream = c.sessionKey().upstream();
            String message = "TLS sessions to " + upstream + " are reused across "
                    + AffectedConnections.count(locationCount(c, own), "location")
                    + " whose settings differ (" + String.join(", ", differing) + "): a session resumed here carries "
                    + "another location's name, verification or client certificate";
            Fix isolate = Fix.of("Isolate the session: add `" + c.ssl("session_reuse") + " off;`", Applicability.SAFE,
                    TlsSettingEdits.setInScope(c.home(), Map.of(c.ssl("session_reuse"), "off"),
                            TlsSettingEdits.afterPass(context.model(), c)));
            context.report(c.pass(), message, related, List.of(isolate));
        }
    }
}
