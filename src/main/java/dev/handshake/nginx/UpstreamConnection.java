package dev.handshake.nginx;

/**
 * One TLS connection nginx makes to an upstream: the {@code *_pass} statement that makes it, its
 * family (which directives configure it), and its target.
 *
 * @param family proxy, grpc, uwsgi or stream
 * @param pass   the {@code *_pass} statement
 * @param target where it goes
 * @param via    for a pass whose URL starts with a variable, the {@code set} or {@code map} entry whose
 *               literal value makes this connection ({@code set $backend https://10.0.0.12:9443;});
 *               else {@code null}. A pass whose variable can take several TLS values is one connection per value.
 */
public record UpstreamConnection(TlsFamily family, Statement pass, UpstreamTarget target, Statement via) {

    /** A connection whose URL is written in the pass itself. */
    public UpstreamConnection(TlsFamily family, Statement pass, UpstreamTarget target) {
        this(family, pass, target, null);
    }

    /** The value {@link #via} gives the pass's leading variable ({@code https://10.0.0.12:9443}), or {@code null}. */
    public String viaValue() {
        if (via == null) {
            return null;
        }
        return via.name().equals("set") ? via.directive().arg(1) : via.directive().arg(0);
    }

    /** The variable {@link #via} sets ({@code $backend}), or {@code null}. */
    public String viaVariable() {
        if (via == null) {
            return null;
        }
        return via.name().equals("set") ? via.directive().arg(0) : via.scope().directive().arg(1);
    }

    /** How {@link #via} is named in messages: {@code set $backend https://10.0.0.12:9443}, {@code map entry default https://a}. */
    public String describeVia() {
        if (via == null) {
            return null;
        }
        String written = via.name() + " " + String.join(" ", via.directive().args());
        return via.name().equals("set") ? written : "map " + viaVariable() + " entry `" + written + "`";
    }

    /** The scope of the {@code *_pass}: a location, an {@code if}, a {@code limit_except}, or a stream server. */
    public Scope scope() {
        return pass.scope();
    }

    /**
     * The scope where this connection's TLS directives belong: the location (climbing out of
     * {@code if}/{@code limit_except}, where they are not allowed) or the stream server.
     */
    public Scope home() {
        return pass.scope().settingsHome();
    }

    /** The TLS directive of this connection's family: {@code ssl("verify")} is {@code proxy_ssl_verify}. */
    public String ssl(String suffix) {
        return family.ssl(suffix);
    }

    /**
     * Which upstream the TLS session cache is shared over: connections with equal keys resume each
     * other's sessions.
     *
     * @param family   the connections' family (each family keeps its own cache)
     * @param upstream {@code upstream NAME} for a group, else {@code host:port}
     */
    public record SessionKey(TlsFamily family, String upstream) {
    }

    /** The session cache this connection shares: the group, or host:port. */
    public SessionKey sessionKey() {
        String where = target.kind() == UpstreamTarget.Kind.GROUP
                ? "upstream " + target.host()
                : target.defaultName() + ":" + target.portOrDefault();
        return new SessionKey(family, where);
    }

    /** How to name this connection in messages: {@code proxy_pass https://10.0.4.22:443/v2 in location /ingest/}. */
    public String describe() {
        String value = via == null ? "" : " (" + viaVariable() + " = " + viaValue() + ")";
        return pass.directive().name() + " " + String.join(" ", pass.directive().args()) + " in " + scope().describe() + value;
    }
}
