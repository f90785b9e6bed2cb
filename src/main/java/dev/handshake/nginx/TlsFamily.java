package dev.handshake.nginx;

/**
 * A kind of upstream connection and the directives that configure its TLS: the http proxy module
 * ({@code proxy_ssl_*}), gRPC ({@code grpc_ssl_*}), uwsgi ({@code uwsgi_ssl_*}) and the stream
 * proxy (also {@code proxy_ssl_*}, in stream context).
 */
public enum TlsFamily {
    PROXY("proxy_pass", "proxy_", "https://"),
    GRPC("grpc_pass", "grpc_", "grpcs://"),
    UWSGI("uwsgi_pass", "uwsgi_", "suwsgi://"),
    STREAM("proxy_pass", "proxy_", null);

    private final String passDirective;
    private final String prefix;
    private final String tlsScheme;
    /** {@link #ssl} results: asked once per connection per rule, they are built and hashed once. */
    private final java.util.concurrent.ConcurrentMap<String, String> sslNames = new java.util.concurrent.ConcurrentHashMap<>();

    TlsFamily(String passDirective, String prefix, String tlsScheme) {
        this.passDirective = passDirective;
        this.prefix = prefix;
        this.tlsScheme = tlsScheme;
    }

    /** {@code proxy_pass}, {@code grpc_pass}, {@code uwsgi_pass}. */
    public String passDirective() {
        return passDirective;
    }

    /** The TLS directive of this family: {@code ssl("server_name")} is {@code proxy_ssl_server_name}. */
    public String ssl(String suffix) {
        return sslNames.computeIfAbsent(suffix, k -> prefix + "ssl_" + k);
    }

    /** The URL scheme that means TLS ({@code https://}), or {@code null} for stream (flag {@code proxy_ssl}). */
    public String tlsScheme() {
        return tlsScheme;
    }
}
