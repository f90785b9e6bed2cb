package dev.handshake.nginx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every TLS connection to an upstream in a model: {@code proxy_pass https://},
 * {@code grpc_pass grpcs://}, {@code uwsgi_pass suwsgi://}, stream {@code proxy_pass} with effective
 * {@code proxy_ssl on}, and a pass whose URL starts with a variable ({@code $backend},
 * {@code $upstream_proto://...}) for each TLS value a {@code set} in scope or a {@code map} entry gives it.
 */
final class UpstreamConnections {

    private static final Pattern WHOLE_VARIABLE = Pattern.compile("^\\$\\{?([A-Za-z0-9_]+)\\}?$");
    /** A variable at the start of a {@code *_pass} URL: {@code $backend}, {@code $upstream_proto://...}. */
    private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\$\\{?([A-Za-z0-9_]+)\\}?");
    /** A variable whose value is empty or starts the path or the query, so a host before it is literal. */
    private static final Pattern PATH_VARIABLE = Pattern.compile(
            "\\$\\{?(uri|request_uri|document_uri|is_args)(?![A-Za-z0-9_])\\}?");

    private final ConfigModel model;
    private final Map<String, UpstreamGroup> httpGroups = new HashMap<>();
    private final Map<String, UpstreamGroup> streamGroups = new HashMap<>();
    /** Per scope, the last two-argument {@code set} of each variable written directly in it; built on first use. */
    private final Map<Scope, Map<String, Statement>> lastSets = new java.util.IdentityHashMap<>();
    /** The first {@code map} to each variable; built on first use. */
    private Map<String, Scope> mapsByVariable;

    private UpstreamConnections(ConfigModel model) {
        this.model = model;
        for (Scope s : model.scopes(ScopeKind.UPSTREAM)) {
            groupOf(s).ifPresent(g -> httpGroups.putIfAbsent(g.name(), g));
        }
        for (Scope s : model.scopes(ScopeKind.STREAM_UPSTREAM)) {
            groupOf(s).ifPresent(g -> streamGroups.putIfAbsent(g.name(), g));
        }
    }

    static List<UpstreamConnection> find(ConfigModel model) {
        return new UpstreamConnections(model).all();
    }

    static List<UpstreamGroup> groups(ConfigModel model) {
        UpstreamConnections finder = new UpstreamConnections(model);
        List<UpstreamGroup> all = new ArrayList<>(finder.httpGroups.values());
        all.addAll(finder.streamGroups.values());
        return all;
    }

    private static Optional<UpstreamGroup> groupOf(Scope s) {
        if (s.directive() == null || s.directive().argCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new UpstreamGroup(s.directive().arg(0), s));
    }

    private List<UpstreamConnection> all() {
        List<UpstreamConnection> found = new ArrayList<>();
        model.walkScopes(scope -> {
            for (Statement s : scope.statements()) {
                if (s.directive().argCount() == 0 || s.directive().hasBlock()) {
                    continue;
                }
                found.addAll(connections(scope, s));
            }
        });
        return found;
    }

    /**
     * Every http-family {@code *_pass} whose URL holds a variable and that is not a known TLS connection
     * ({@code proxy_pass http://$host:9446}, a {@code $backend} of unknown value): nginx prepares upstream
     * TLS for each of them whatever the scheme, so {@code nginx -t} checks their TLS settings.
     */
    static List<UpstreamConnection> variablePasses(ConfigModel model, List<UpstreamConnection> tls) {
        java.util.Set<Statement> known = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (UpstreamConnection c : tls) {
            known.add(c.pass());
        }
        List<UpstreamConnection> found = new ArrayList<>();
        model.walkScopes(scope -> {
            if (!scope.kind().isHttpRequestScope()) {
                return;
            }
            for (Statement s : scope.statements()) {
                if (s.directive().argCount() == 0 || s.directive().hasBlock() || known.contains(s)
                        || !s.directive().arg(0).contains("$")) {
                    continue;
                }
                for (TlsFamily family : HTTP_FAMILIES) {
                    if (s.name().equals(family.passDirective())) {
                        String url = s.directive().arg(0);
                        int scheme = url.indexOf("://");
                        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
                        found.add(new UpstreamConnection(family, s,
                                new UpstreamTarget(rest, null, UpstreamTarget.Kind.VARIABLE, null, null)));
                    }
                }
            }
        });
        return found;
    }

    private static final TlsFamily[] HTTP_FAMILIES = {TlsFamily.PROXY, TlsFamily.GRPC, TlsFamily.UWSGI};

    private List<UpstreamConnection> connections(Scope scope, Statement s) {
        String name = s.name();
        if (!name.endsWith("_pass")) {
            return List.of(); // every TLS family's pass directive; spares unquoting every argument
        }
        String url = s.directive().arg(0);
        if (scope.kind() == ScopeKind.STREAM_SERVER) {
            if (!name.equals("proxy_pass") || !model.settings().isOn(scope, "proxy_ssl", false)) {
                return List.of();
            }
            return List.of(new UpstreamConnection(TlsFamily.STREAM, s, target(scope, url, streamGroups, false)));
        }
        if (!scope.kind().isHttpRequestScope()) {
            return List.of();
        }
        for (TlsFamily family : HTTP_FAMILIES) {
            if (!name.equals(family.passDirective())) {
                continue;
            }
            String scheme = family.tlsScheme();
            boolean runtime = url.contains("$");
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return List.of(new UpstreamConnection(family, s,
                        target(scope, url.substring(scheme.length()), httpGroups, runtime)));
            }
            Matcher m = LEADING_VARIABLE.matcher(url);
            if (!m.find()) {
                return List.of();
            }
            List<UpstreamConnection> found = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Statement value : candidates(scope, m.group(1))) {
                String expanded = valueOf(value) + url.substring(m.end());
                if (expanded.regionMatches(true, 0, scheme, 0, scheme.length())
                        && seen.add(expanded.toLowerCase(Locale.ROOT))) {
                    found.add(new UpstreamConnection(family, s,
                            target(scope, expanded.substring(scheme.length()), httpGroups, true), value));
                }
            }
            return found;
        }
        return List.of();
    }

    /**
     * Where {@code rest} (the URL after its scheme) goes. With {@code runtime} (the URL holds variables,
     * so nginx parses it per request) the host ends where a variable whose value starts the path
     * ({@code $uri}, {@code $request_uri}...) begins, and a host names an {@code upstream{}} group only
     * when no port is written (nginx's run-time lookup matches a group only then).
     */
    private UpstreamTarget target(Scope scope, String rest, Map<String, UpstreamGroup> groups, boolean runtime) {
        if (rest.startsWith("unix:")) {
            int uriColon = rest.indexOf(':', 5);
            String socket = uriColon > 0 ? rest.substring(0, uriColon) : rest;
            return new UpstreamTarget(socket, null, UpstreamTarget.Kind.UNIX, null, null);
        }
        int end = rest.length();
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            end = slash;
        }
        int query = rest.indexOf('?');
        if (query >= 0 && query < end) {
            end = query;
        }
        Matcher path = PATH_VARIABLE.matcher(rest);
        if (path.find() && path.start() < end) {
            end = path.start();
        }
        String address = rest.substring(0, end);
        String host = UpstreamTarget.hostOf(address);
        String port = UpstreamTarget.portOf(address);
        if (host.contains("$")) {
            String resolved = null;
            Matcher whole = WHOLE_VARIABLE.matcher(host);
            if (whole.matches()) {
                resolved = variableValue(scope, whole.group(1))
                        .filter(v -> !v.contains("$")).orElse(null);
            }
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.VARIABLE, null, resolved);
        }
        if (UpstreamTarget.isIpLiteral(host)) {
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.IP, null, null);
        }
        UpstreamGroup group = groups.get(host);
        if (group != null && !(runtime && port != null)) {
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.GROUP, group, null);
        }
        return new UpstreamTarget(host, port, UpstreamTarget.Kind.HOSTNAME, null, null);
    }

    /** The literal value a {@code set} or {@code map} entry gives. */
    private static String valueOf(Statement value) {
        return value.name().equals("set") ? value.directive().arg(1) : value.directive().arg(0);
    }

    /**
     * The {@code set} statements and {@code map} entries whose literal value variable {@code name} can
     * have where {@code scope} runs, in nginx's order: walking out from {@code scope}, the last direct
     * {@code set} of the nearest scope that has one, plus the {@code set}s inside the {@code if} blocks
     * after it (each may run); with no direct {@code set} anywhere, the {@code if} ones and every entry
     * of the {@code map} to it. Values built from variables are left out (unknown).
     */
    private List<Statement> candidates(Scope scope, String name) {
        String variable = "$" + name;
        List<Statement> found = new ArrayList<>();
        Scope from = null;
        for (Scope s = scope; s != null; s = s.parent()) {
            List<Statement> here = new ArrayList<>();
            boolean direct = false;
            for (Statement st : s.statements()) {
                if (st.name().equals("set") && st.directive().argCount() == 2 && st.directive().arg(0).equals(variable)) {
                    here.clear();
                    here.add(st);
                    direct = true;
                } else if (st.name().equals("if") && st.directive().hasBlock()) {
                    for (Scope child : s.children()) {
                        if (child.opener() == st && child != from) {
                            for (Statement set : child.statements("set")) {
                                if (set.directive().argCount() == 2 && set.directive().arg(0).equals(variable)) {
                                    here.add(set);
                                }
                            }
                        }
                    }
                }
            }
            found.addAll(here);
            if (direct) {
                return literal(found);
            }
            from = s;
        }
        Scope map = mapsByVariable().get(variable);
        if (map != null) {
            for (Statement entry : map.statements()) {
                String key = entry.name();
                if (!key.equals("hostnames") && !key.equals("volatile") && !key.equals("include")
                        && entry.directive().argCount() == 1) {
                    found.add(entry);
                }
            }
        }
        return literal(found);
    }

    private static List<Statement> literal(List<Statement> values) {
        return values.stream().filter(v -> !valueOf(v).startsWith("$")).toList();
    }

    /** The value of the last {@code set} of variable {@code name} in the nearest scope that sets it, or empty. */
    private Optional<String> variableValue(Scope scope, String name) {
        String variable = "$" + name;
        for (Scope s = scope; s != null; s = s.parent()) {
            Statement last = lastSets(s).get(variable);
            if (last != null) {
                return Optional.of(last.directive().arg(1));
            }
        }
        return Optional.empty();
    }

    private Map<String, Statement> lastSets(Scope scope) {
        return lastSets.computeIfAbsent(scope, k -> {
            Map<String, Statement> last = new HashMap<>();
            for (Statement set : k.statements("set")) {
                if (set.directive().argCount() == 2) {
                    last.put(set.directive().arg(0), set);
                }
            }
            return last;
        });
    }

    private Map<String, Scope> mapsByVariable() {
        if (mapsByVariable == null) {
            mapsByVariable = new HashMap<>();
            for (Scope map : model.scopes(ScopeKind.TABLE)) {
                if (map.directive().name().equals("map") && map.directive().argCount() == 2) {
                    mapsByVariable.putIfAbsent(map.directive().arg(1), map);
                }
            }
        }
        return mapsByVariable;
    }
}
