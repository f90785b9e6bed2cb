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
 * {@code proxy_ssl on}, and a {@code proxy_pass $var://...} whose scheme a {@code set} in scope, or a
 * {@code map} whose every value, makes {@code https}.
 */
final class UpstreamConnections {

    private static final Pattern VARIABLE_SCHEME = Pattern.compile("^\\$\\{?([A-Za-z0-9_]+)\\}?://");
    private static final Pattern WHOLE_VARIABLE = Pattern.compile("^\\$\\{?([A-Za-z0-9_]+)\\}?$");

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
                connection(scope, s).ifPresent(found::add);
            }
        });
        return found;
    }

    private Optional<UpstreamConnection> connection(Scope scope, Statement s) {
        String name = s.name();
        if (!name.endsWith("_pass")) {
            return Optional.empty(); // every TLS family's pass directive; spares unquoting every argument
        }
        String url = s.directive().arg(0);
        if (scope.kind() == ScopeKind.STREAM_SERVER) {
            if (!name.equals("proxy_pass") || !model.settings().isOn(scope, "proxy_ssl", false)) {
                return Optional.empty();
            }
            return Optional.of(new UpstreamConnection(TlsFamily.STREAM, s, target(scope, url, streamGroups)));
        }
        if (!scope.kind().isHttpRequestScope()) {
            return Optional.empty();
        }
        for (TlsFamily family : new TlsFamily[] {TlsFamily.PROXY, TlsFamily.GRPC, TlsFamily.UWSGI}) {
            if (!name.equals(family.passDirective())) {
                continue;
            }
            String scheme = family.tlsScheme();
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return Optional.of(new UpstreamConnection(family, s,
                        target(scope, url.substring(scheme.length()), httpGroups)));
            }
            Matcher m = VARIABLE_SCHEME.matcher(url);
            if (family == TlsFamily.PROXY && m.find()) {
                Optional<String> value = variableValue(scope, m.group(1), true);
                if (value.isPresent() && value.get().equalsIgnoreCase("https")) {
                    return Optional.of(new UpstreamConnection(family, s,
                            target(scope, url.substring(m.end()), httpGroups)));
                }
            }
        }
        return Optional.empty();
    }

    private UpstreamTarget target(Scope scope, String rest, Map<String, UpstreamGroup> groups) {
        if (rest.startsWith("unix:")) {
            int uriColon = rest.indexOf(':', 5);
            String socket = uriColon > 0 ? rest.substring(0, uriColon) : rest;
            return new UpstreamTarget(socket, null, UpstreamTarget.Kind.UNIX, null, null);
        }
        int slash = rest.indexOf('/');
        String address = slash >= 0 ? rest.substring(0, slash) : rest;
        String host = UpstreamTarget.hostOf(address);
        String port = UpstreamTarget.portOf(address);
        if (host.contains("$")) {
            String resolved = null;
            Matcher whole = WHOLE_VARIABLE.matcher(host);
            if (whole.matches()) {
                resolved = variableValue(scope, whole.group(1), false)
                        .filter(v -> !v.contains("$")).orElse(null);
            }
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.VARIABLE, null, resolved);
        }
        if (UpstreamTarget.isIpLiteral(host)) {
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.IP, null, null);
        }
        UpstreamGroup group = groups.get(host);
        if (group != null) {
            return new UpstreamTarget(host, port, UpstreamTarget.Kind.GROUP, group, null);
        }
        return new UpstreamTarget(host, port, UpstreamTarget.Kind.HOSTNAME, null, null);
    }

    /**
     * The single value variable {@code name} has where {@code scope} runs: the last {@code set} in
     * the nearest scope that sets it, else (when {@code viaMap}) the value every entry of a
     * {@code map} to it gives. Empty when unknown or not one value.
     */
    private Optional<String> variableValue(Scope scope, String name, boolean viaMap) {
        String variable = "$" + name;
        for (Scope s = scope; s != null; s = s.parent()) {
            Statement last = lastSets(s).get(variable);
            if (last != null) {
                return Optional.of(last.directive().arg(1));
            }
        }
        if (!viaMap) {
            return Optional.empty();
        }
        Scope map = mapsByVariable().get(variable);
        if (map == null) {
            return Optional.empty();
        }
        return uniformMapValue(map);
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

    private static Optional<String> uniformMapValue(Scope map) {
        String value = null;
        for (Statement entry : map.statements()) {
            String key = entry.name();
            if (key.equals("hostnames") || key.equals("volatile") || key.equals("include")) {
                continue;
            }
            if (entry.directive().argCount() != 1) {
                return Optional.empty();
            }
            String v = entry.directive().arg(0).toLowerCase(Locale.ROOT);
            if (value != null && !value.equals(v)) {
                return Optional.empty();
            }
            value = v;
        }
        return Optional.ofNullable(value);
    }
}
