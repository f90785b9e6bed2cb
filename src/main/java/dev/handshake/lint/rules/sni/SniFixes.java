package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.nginx.Arity;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.Place;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamTls;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "Send SNI" quick fixes shared by the SNI rules: turn {@code *_ssl_server_name} on (replacing a
 * written {@code off} in place), add {@code *_ssl_name NAME;} where the target's own name is no use,
 * and make the proxy's {@code Host} header carry the same name, copying inherited
 * {@code proxy_set_header}s along so they do not silently vanish. Directives go after the
 * connection's {@code *_pass} line in its home block, never inside {@code if}/{@code limit_except}.
 */
final class SniFixes {

    private static final String NAME_PLACEHOLDER = "NAME";

    private SniFixes() {
    }

    /**
     * Send SNI for every connection in {@code affected}: safe when none needs a name, else asks for
     * {@link FixInput#SNI_NAME}.
     */
    static Fix sendSni(ConfigModel model, List<UpstreamTls> affected) {
        boolean needsInput = affected.stream().anyMatch(UpstreamTls::needsName);
        if (!needsInput) {
            return Fix.of(title(affected, null), Applicability.SAFE, plan(model, affected, Map.of()).edits());
        }
        // One name never serves different upstreams: several targets get one input each.
        Map<String, List<UpstreamTls>> byTarget = new LinkedHashMap<>();
        for (UpstreamTls f : affected) {
            if (f.needsName()) {
                byTarget.computeIfAbsent(target(f), t -> new ArrayList<>()).add(f);
            }
        }
        List<FixInput> inputs = new ArrayList<>();
        for (Map.Entry<String, List<UpstreamTls>> e : byTarget.entrySet()) {
            inputs.add(new FixInput(FixInput.Key.SNI_NAME, "Name on the upstream's certificate, sent as SNI for "
                    + e.getValue().get(0).describe(), SniNames.candidates(e.getValue(), model.upstreamTls()), e.getKey(), byTarget.size() > 1));
        }
        return Fix.withInputs(title(affected, NAME_PLACEHOLDER), inputs, values -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (FixInput input : inputs) {
                String name = values.get(FixInput.Key.SNI_NAME, input.target());
                if (name == null || name.isBlank()) {
                    return List.of();
                }
                names.put(input.target(), name.strip());
            }
            return plan(model, affected, names).edits();
        });
    }

    /** The target a name is asked for: the {@code *_pass} host or group as written. */
    static String target(UpstreamTls f) {
        return f.connection().target().host();
    }

    /** Turns SNI on for {@code affected}, nothing more (their {@code *_ssl_name} is already set). */
    static Fix turnOn(ConfigModel model, List<UpstreamTls> affected) {
        Plan plan = new Plan(model);
        for (UpstreamTls f : affected) {
            plan.turnOn(f);
        }
        String directive = affected.get(0).connection().ssl("server_name") + " on;";
        return Fix.of("Send SNI: " + (plan.inserts.isEmpty() ? "set" : "add") + " `" + directive + "`",
                Applicability.SAFE, plan.edits());
    }

    /** Makes the Host header carry the SNI name {@code f} already has. */
    static Fix setHost(ConfigModel model, UpstreamTls f) {
        Plan plan = new Plan(model);
        plan.host(f, f.nameValue());
        return Fix.of("Set `proxy_set_header Host " + DirectiveEdits.quote(f.nameValue()) + ";`",
                Applicability.SAFE, plan.edits());
    }

    private static Plan plan(ConfigModel model, List<UpstreamTls> affected, Map<String, String> names) {
        Plan plan = new Plan(model);
        for (UpstreamTls f : affected) {
            if (!f.sniOn()) {
                plan.turnOn(f);
            }
            String sniName = f.nameValue();
            if (f.needsName()) {
                sniName = names.get(target(f));
                plan.add(f, f.connection().ssl("name") + " " + DirectiveEdits.quote(sniName) + ";");
            }
            if (f.hostMisses(sniName)) {
                plan.host(f, sniName);
            }
        }
        return plan;
    }

    private static String title(List<UpstreamTls> affected, String placeholder) {
        UpstreamTls first = affected.get(0);
        List<String> parts = new ArrayList<>();
        boolean replaces = false;
        boolean inserts = false;
        if (affected.stream().anyMatch(f -> !f.sniOn())) {
            parts.add("`" + first.connection().ssl("server_name") + " on;`");
            boolean written = affected.stream().anyMatch(f -> !f.sniOn() && writtenArg(f.sniSource().orElse(null)));
            replaces = written;
            inserts = affected.stream().anyMatch(f -> !f.sniOn() && !writtenArg(f.sniSource().orElse(null)));
        }
        if (placeholder != null) {
            parts.add("`" + first.connection().ssl("name") + " " + placeholder + ";`");
            inserts = true;
        }
        String hostName = placeholder != null ? placeholder : first.nameValue();
        if (affected.stream().anyMatch(f -> f.hostMisses(f.needsName() ? placeholder : f.nameValue()))) {
            parts.add("`proxy_set_header Host " + (hostName == null ? NAME_PLACEHOLDER : DirectiveEdits.quote(hostName)) + ";`");
            inserts = true;
        }
        String verb = replaces && !inserts ? "set" : "add";
        return "Send SNI: " + verb + " " + joinAnd(parts);
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static boolean writtenArg(Statement s) {
        return s != null && s.directive().argCount() > 0;
    }

    /** The edits of one fix: in-place replacements, and lines inserted once per home block. */
    private static final class Plan {
        private final ConfigModel model;
        private final Map<Place, FileEdit> replacements = new LinkedHashMap<>();
        private final Map<Scope, Set<String>> inserts = new IdentityHashMap<>();
        /** Per home, in the order first met, the first connection that inserts there. */
        private final Map<Scope, UpstreamConnection> homes = new LinkedHashMap<>();
        private final Map<Statement, Set<String>> afterIncludes = new LinkedHashMap<>();

        Plan(ConfigModel model) {
            this.model = model;
        }

        void turnOn(UpstreamTls f) {
            Statement written = f.sniSource().orElse(null);
            if (writtenArg(written) && accepted(written)) {
                replace(written, 0, "on");
            } else {
                add(f, f.connection().ssl("server_name") + " on;");
            }
        }

        /**
         * Makes the effective Host {@code name}: the home's own Host is rewritten in place; else a
         * Host line is added, after copies of the inherited headers when the home has none of its own.
         */
        void host(UpstreamTls f, String name) {
            Scope home = f.home();
            String line = "proxy_set_header Host " + DirectiveEdits.quote(name) + ";";
            Statement host = f.host().orElse(null);
            if (host != null && host.scope() == home && host.path().equals(f.connection().pass().path())) {
                replace(host, 1, DirectiveEdits.quote(name));
                return;
            }
            if (host != null && host.scope() == home) {
                Statement include = includeBringing(home, host, f.connection().pass().path());
                if (include != null) {
                    afterIncludes.computeIfAbsent(include, k -> new LinkedHashSet<>()).add(line);
                    return;
                }
            }
            if (home.statements("proxy_set_header").isEmpty()) {
                for (Statement inherited : model.settings().effectiveAll(home, "proxy_set_header")) {
                    // a header line nginx refuses is not copied: copying it would add one more broken line
                    if (!inherited.directive().arg(0).equalsIgnoreCase("Host") && accepted(inherited)) {
                        add(f, textOf(inherited));
                    }
                }
            }
            add(f, line);
        }

        void add(UpstreamTls f, String line) {
            Scope home = f.home();
            Statement broken = line.startsWith("proxy_set_header ") ? brokenHost(home) : brokenWritten(home, line.substring(0, line.indexOf(' ')));
            if (broken != null) {
                // nginx refuses the file for that statement: replace it, never add a duplicate beside it
                replacements.putIfAbsent(new Place(broken.path(), broken.range().start()),
                        DirectiveEdits.rewriteBroken(broken, arity(broken).max(), line));
                return;
            }
            homes.putIfAbsent(home, f.connection());
            inserts.computeIfAbsent(home, k -> new LinkedHashSet<>()).add(line);
        }

        void replace(Statement s, int arg, String value) {
            Place at = new Place(s.path(), s.directive().argTokens().get(arg).start());
            replacements.putIfAbsent(at, DirectiveEdits.replaceArg(s, arg, value));
        }

        List<FileEdit> edits() {
            List<FileEdit> edits = new ArrayList<>(replacements.values());
            for (Map.Entry<Scope, UpstreamConnection> home : homes.entrySet()) {
                edits.add(DirectiveEdits.insertForHome(model, home.getValue(), List.copyOf(inserts.get(home.getKey()))));
            }
            for (Map.Entry<Statement, Set<String>> e : afterIncludes.entrySet()) {
                edits.add(DirectiveEdits.insertAfter(e.getKey(), List.copyOf(e.getValue())));
            }
            return edits;
        }

        /**
         * The {@code include} in {@code file} that brings {@code host} (a statement of another file) into
         * {@code home}: a Host line added after it comes later in reading order, so it wins.
         */
        private static Statement includeBringing(Scope home, Statement host, java.nio.file.Path file) {
            Statement include = null;
            for (Statement s : home.statements()) {
                if (s == host) {
                    return include;
                }
                if (s.name().equals("include") && s.path().equals(file)) {
                    include = s;
                }
            }
            return null;
        }

        /**
         * A terminated {@code name} statement in {@code home} or an enclosing block whose argument count
         * nginx refuses ({@code proxy_ssl_name ;}): nginx rejects the file for it, so a fix replaces it.
         */
        private static Statement brokenWritten(Scope home, String name) {
            for (Scope at = home; at != null; at = at.parent()) {
                for (Statement s : at.statements(name)) {
                    if (s.directive().isTerminated() && !accepted(s)) {
                        return s;
                    }
                }
            }
            return null;
        }

        /**
         * A {@code proxy_set_header Host} of the home itself whose argument count nginx refuses: headers
         * are many-valued, so only the home's own broken Host line is the one to rewrite.
         */
        private static Statement brokenHost(Scope home) {
            for (Statement s : home.statements("proxy_set_header")) {
                if (s.directive().isTerminated() && !accepted(s) && s.directive().argCount() > 0
                        && s.directive().arg(0).equalsIgnoreCase("Host")) {
                    return s;
                }
            }
            return null;
        }

        private static boolean accepted(Statement s) {
            return arity(s).accepts(s.directive().argCount());
        }

        static Arity arity(Statement s) {
            return DirectiveCatalogue.standard().find(s.name())
                    .flatMap(d -> d.definitionIn(s.scope().kind()))
                    .map(d -> d.arity(s.name()))
                    .orElse(new Arity(0, Arity.UNBOUNDED));
        }

        private static String textOf(Statement s) {
            return s.file().text().substring(s.range().start(), s.range().end());
        }
    }
}
