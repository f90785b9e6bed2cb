package dev.handshake.lint.rules;

import dev.handshake.lint.Related;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.EffectiveSettings;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.TlsFamily;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamGroup;
import dev.handshake.nginx.UpstreamTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What decides the SNI of one HTTPS upstream connection, after inheritance: whether
 * {@code *_ssl_server_name} is on and where that comes from, the effective {@code *_ssl_name}, what
 * kind of name the target really is, and (for the proxy family) the effective {@code Host} header.
 *
 * @param connection the connection
 * @param sniSource  the statement that gives {@code *_ssl_server_name} its value, or empty for the default (off)
 * @param sniOn      whether SNI is sent at all
 * @param name       the effective {@code *_ssl_name}, or empty when the target's name is used
 * @param kind       the target's kind, a variable target resolved by a literal {@code set} classified by its value
 * @param group      the {@code upstream{}} group reached, or {@code null}
 * @param host       the last effective {@code proxy_set_header Host}, or empty for the default {@code $proxy_host}
 */
record SniFacts(UpstreamConnection connection, Optional<Statement> sniSource, boolean sniOn,
                Optional<Statement> name, UpstreamTarget.Kind kind, UpstreamGroup group, Optional<Statement> host) {

    static final String DEFAULT_HOST = "$proxy_host";

    /** The facts of every HTTPS upstream connection of {@code model} that SNI can matter for (not unix sockets). */
    static List<SniFacts> of(ConfigModel model) {
        EffectiveSettings settings = model.settings();
        Map<String, UpstreamGroup> groups = new LinkedHashMap<>();
        for (UpstreamGroup g : model.upstreamGroups()) {
            groups.putIfAbsent(g.name(), g);
        }
        List<SniFacts> all = new ArrayList<>();
        Map<List<Statement>, Optional<Statement>> hostOf = new java.util.IdentityHashMap<>();
        for (UpstreamConnection c : model.upstreamConnections()) {
            UpstreamTarget target = c.target();
            if (target.kind() == UpstreamTarget.Kind.UNIX) {
                continue;
            }
            Scope home = c.home();
            Optional<Statement> sni = settings.effective(home, c.ssl("server_name"));
            boolean on = sni.filter(s -> s.directive().argCount() > 0 && s.directive().arg(0).equals("on")).isPresent();
            Optional<Statement> name = settings.effective(home, c.ssl("name"))
                    .filter(s -> s.directive().argCount() > 0);
            UpstreamTarget.Kind kind = target.kind();
            UpstreamGroup group = target.group();
            if (kind == UpstreamTarget.Kind.VARIABLE && target.resolvedHost() != null) {
                String resolved = target.resolvedHost();
                if (UpstreamTarget.isIpLiteral(resolved)) {
                    kind = UpstreamTarget.Kind.IP;
                } else if (c.family() != TlsFamily.STREAM && groups.containsKey(resolved)) {
                    kind = UpstreamTarget.Kind.GROUP;
                    group = groups.get(resolved);
                } else {
                    kind = UpstreamTarget.Kind.HOSTNAME;
                }
            }
            all.add(new SniFacts(c, sni, on, name, kind, group, lastHost(settings, c, hostOf)));
        }
        return all;
    }

    /**
     * The last {@code proxy_set_header Host} in effect; {@code seen} holds the answer per effective list
     * (scopes that inherit share one list, so a gateway's thousands of locations scan it once).
     */
    private static Optional<Statement> lastHost(EffectiveSettings settings, UpstreamConnection c,
                                                Map<List<Statement>, Optional<Statement>> seen) {
        if (c.family() != TlsFamily.PROXY) {
            return Optional.empty();
        }
        return seen.computeIfAbsent(settings.effectiveAll(c.home(), "proxy_set_header"), headers -> {
            Statement last = null;
            for (Statement s : headers) {
                if (s.directive().argCount() >= 2 && s.directive().arg(0).equalsIgnoreCase("Host")) {
                    last = s;
                }
            }
            return Optional.ofNullable(last);
        });
    }

    Scope home() {
        return connection.home();
    }

    /** True when the target is an IP literal or an {@code upstream{}} group, whose default name is no use. */
    boolean namedByAddress() {
        return kind == UpstreamTarget.Kind.IP || kind == UpstreamTarget.Kind.GROUP;
    }

    /** True when turning SNI on is not enough: a {@code *_ssl_name} must be chosen. */
    boolean needsName() {
        return namedByAddress() && name.isEmpty();
    }

    /** The effective {@code *_ssl_name} value, or {@code null}. */
    String nameValue() {
        return name.map(s -> s.directive().arg(0)).orElse(null);
    }

    /** The Host header nginx sends: the effective value, or {@code $proxy_host}. */
    String hostValue() {
        return host.map(s -> s.directive().arg(1)).orElse(DEFAULT_HOST);
    }

    /** True for the proxy family, the only one whose Host header an upstream routes on. */
    boolean sendsHost() {
        return connection.family() == TlsFamily.PROXY;
    }

    /**
     * True when, with SNI name {@code sniName}, the Host header will not carry that name: the Host is
     * {@code $proxy_host} (the IP or group name), a literal other than it, or the client's own Host
     * ({@code $host}, {@code $http_host}) unless the proxy's server answers to that name. A Host built
     * from other variables is the user's choice and never counts.
     */
    boolean hostMisses(String sniName) {
        if (!sendsHost() || !namedByAddress() || sniName == null) {
            return false;
        }
        String value = hostValue();
        if (value.equals(DEFAULT_HOST)) {
            return true;
        }
        if (clientHost() && !sniName.contains("$")) {
            return !servesName(sniName);
        }
        if (value.contains("$") || sniName.contains("$")) {
            return false;
        }
        return !withoutPort(value).equals(withoutPort(sniName));
    }

    /** True when the Host header is the client's own ({@code $host} or {@code $http_host}). */
    boolean clientHost() {
        String value = hostValue();
        return value.equals("$host") || value.equals("$http_host");
    }

    /**
     * True when the client's Host can be {@code sniName}: the proxy's own server answers to that
     * name ({@code server_name}), so a client may send it.
     */
    private boolean servesName(String sniName) {
        dev.handshake.nginx.Scope server = connection.scope().nearest(dev.handshake.nginx.ScopeKind.SERVER);
        if (server == null) {
            return false;
        }
        String wanted = withoutPort(sniName);
        for (Statement s : server.statements("server_name")) {
            for (String n : s.directive().args()) {
                if (n.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutPort(String hostHeader) {
        String host = UpstreamTarget.hostOf(hostHeader);
        return host.toLowerCase(Locale.ROOT);
    }

    /** A statement as written, without its semicolon: {@code proxy_ssl_server_name off}. */
    static String written(Statement s) {
        return s.name() + (s.directive().argCount() == 0 ? "" : " " + String.join(" ", s.directive().args()));
    }

    /** {@code proxy_pass https://10.0.4.22 in location /api}. */
    String describe() {
        return connection.describe();
    }

    /** The pass as a related location. */
    Related passRelated(String why) {
        Statement pass = connection.pass();
        return new Related(pass.path(), pass.range(), why + ": " + describe());
    }

    /** The group as a related location, when the target is one. */
    Optional<Related> groupRelated() {
        if (group == null || group.statement() == null) {
            return Optional.empty();
        }
        Statement opener = group.statement();
        return Optional.of(new Related(opener.path(), opener.directive().headRange(),
                "upstream " + group.name() + " (" + serverCount(group) + ")"));
    }

    /** {@code ; one failure takes down all 2 servers of upstream backend_pool together}, or empty. */
    String groupClause() {
        if (kind != UpstreamTarget.Kind.GROUP || group == null) {
            return "";
        }
        int n = group.servers().size();
        if (n == 1) {
            return "; this takes down the only server of upstream " + group.name();
        }
        return "; this takes down all " + n + " servers of upstream " + group.name() + " together";
    }

    private static String serverCount(UpstreamGroup g) {
        int n = g.servers().size();
        return n == 1 ? "1 server" : n + " servers";
    }
}
