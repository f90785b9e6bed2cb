package dev.handshake.nginx;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What nginx sends on one TLS connection to an upstream, after inheritance: whether it sends SNI at
 * all and which name ({@code *_ssl_server_name}, {@code *_ssl_name}, the target), the name it verifies
 * the certificate against, the {@code Host} header (proxy family), the port, and what
 * {@code $proxy_host} expands to. The rules, the curl check and the log locator all read this one view;
 * {@link ConfigModel#upstreamTls} builds it once per model.
 *
 * @param connection the connection
 * @param sniSource  the statement that gives {@code *_ssl_server_name} its value, or empty for the default (off)
 * @param sniOn      whether SNI is sent at all
 * @param name       the effective {@code *_ssl_name} with an argument, or empty when the target's name is used
 * @param kind       the target's kind, a variable target resolved by a literal {@code set} classified by its value
 * @param group      the {@code upstream{}} group reached, or {@code null}
 * @param host       the last effective {@code proxy_set_header Host}, or empty for the default {@code $proxy_host}
 */
public record UpstreamTls(UpstreamConnection connection, Optional<Statement> sniSource, boolean sniOn,
                          Optional<Statement> name, UpstreamTarget.Kind kind, UpstreamGroup group,
                          Optional<Statement> host) {

    /** The variable nginx's default {@code Host} header and {@code *_ssl_name} are. */
    public static final String PROXY_HOST = "$proxy_host";

    /** The views of every connection of {@code model}, in its order; use {@link ConfigModel#upstreamTls}. */
    static List<UpstreamTls> of(ConfigModel model) {
        EffectiveSettings settings = model.settings();
        Map<String, UpstreamGroup> groups = new LinkedHashMap<>();
        for (UpstreamGroup g : model.upstreamGroups()) {
            groups.putIfAbsent(g.name(), g);
        }
        List<UpstreamTls> all = new ArrayList<>();
        Map<List<Statement>, Optional<Statement>> hostOf = new IdentityHashMap<>();
        for (UpstreamConnection c : model.upstreamConnections()) {
            UpstreamTarget target = c.target();
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
            all.add(new UpstreamTls(c, sni, on, name, kind, group, lastHost(settings, c, hostOf)));
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

    public Scope home() {
        return connection.home();
    }

    /** {@code proxy_pass https://10.0.4.22 in location /api}. */
    public String describe() {
        return connection.describe();
    }

    /** True for a unix socket target, where no name matters. */
    public boolean unixSocket() {
        return kind == UpstreamTarget.Kind.UNIX;
    }

    /** True when the target is an IP literal or an {@code upstream{}} group, whose default name is no use. */
    public boolean namedByAddress() {
        return kind == UpstreamTarget.Kind.IP || kind == UpstreamTarget.Kind.GROUP;
    }

    /** True when turning SNI on is not enough: a {@code *_ssl_name} must be chosen. */
    public boolean needsName() {
        return namedByAddress() && name.isEmpty();
    }

    /** The effective {@code *_ssl_name} value as written, or {@code null}. */
    public String nameValue() {
        return name.map(s -> s.directive().arg(0)).orElse(null);
    }

    /** What {@code $proxy_host} expands to: the {@code *_pass} host (a resolved variable's value) and its written port. */
    public String proxyHost() {
        UpstreamTarget target = connection.target();
        return target.defaultName() + (target.port() != null ? ":" + target.port() : "");
    }

    /**
     * The name nginx verifies the certificate against (and sends as SNI when it sends any): the
     * effective {@code *_ssl_name}, else the target's name; {@code $proxy_host} is the target's name.
     */
    public String verifiedName() {
        String written = nameValue();
        return written == null || written.equals(PROXY_HOST) ? connection.target().defaultName() : written;
    }

    /** True when the name is an IP address, which nginx never sends as SNI. */
    public boolean nameIsAddress() {
        return UpstreamTarget.isIpLiteral(verifiedName());
    }

    /** The SNI name nginx sends, or {@code null} when it sends none (SNI off, or the name is an IP address). */
    public String sniName() {
        return sniOn && !nameIsAddress() ? verifiedName() : null;
    }

    /** The {@code Host} header as written in effect: the last {@code proxy_set_header Host}, or {@code $proxy_host}. */
    public String hostValue() {
        return host.map(s -> s.directive().arg(1)).orElse(PROXY_HOST);
    }

    /** The {@code Host} header nginx sends, {@code $proxy_host} expanded; other variables stay as written. */
    public String hostHeader() {
        String value = hostValue();
        return value.equals(PROXY_HOST) ? proxyHost() : value;
    }

    /** True for the proxy family, the only one whose Host header an upstream routes on. */
    public boolean sendsHost() {
        return connection.family() == TlsFamily.PROXY;
    }

    /** True when the Host header is the client's own ({@code $host} or {@code $http_host}). */
    public boolean clientHost() {
        String value = hostValue();
        return value.equals("$host") || value.equals("$http_host");
    }

    /**
     * True when, with SNI name {@code sniName}, the Host header will not carry that name: the Host is
     * {@code $proxy_host} (the IP or group name), a literal other than it, or the client's own Host
     * ({@code $host}, {@code $http_host}) unless the proxy's server answers to that name. A Host built
     * from other variables is the user's choice and never counts.
     */
    public boolean hostMisses(String sniName) {
        if (!sendsHost() || !namedByAddress() || sniName == null) {
            return false;
        }
        String value = hostValue();
        if (value.equals(PROXY_HOST)) {
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

    /**
     * True when the client's Host can be {@code sniName}: the proxy's own server answers to that
     * name ({@code server_name}), so a client may send it.
     */
    private boolean servesName(String sniName) {
        Scope server = connection.scope().nearest(ScopeKind.SERVER);
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
        return UpstreamTarget.hostOf(hostHeader).toLowerCase(Locale.ROOT);
    }

    /** The port the {@code *_pass} target is reached on: as written, else {@link UpstreamTarget#DEFAULT_PASS_PORT}. */
    public String port() {
        return connection.target().portOrDefault();
    }
}
