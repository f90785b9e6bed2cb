package dev.handshake.nginx;

import java.util.regex.Pattern;

/**
 * Where a {@code *_pass} sends requests: the host as written (after the scheme, without port and
 * path) and what kind of name it is, which decides the SNI nginx can send.
 *
 * @param host         the host part as written ({@code 10.0.4.22}, {@code backend_pool}, {@code $upstream_app})
 * @param port         the port as written, or {@code null}
 * @param kind         what the host is
 * @param group        the {@code upstream{}} group named, when {@code kind} is {@link Kind#GROUP}
 * @param resolvedHost for a variable host set by a literal {@code set}, that value; else {@code null}
 */
public record UpstreamTarget(String host, String port, Kind kind, UpstreamGroup group, String resolvedHost) {

    /** What kind of name a target host is. */
    public enum Kind {
        /** An IPv4 or IPv6 literal: never sent as SNI, never matches certificate names. */
        IP,
        /** The name of an {@code upstream{}} group: sent as SNI unless {@code *_ssl_name} says otherwise. */
        GROUP,
        /** A DNS name. */
        HOSTNAME,
        /** Computed at request time from variables. */
        VARIABLE,
        /** A unix socket. */
        UNIX
    }

    /** The port of a {@code *_pass} TLS target written without one ({@code https://}, {@code grpcs://}...). */
    public static final String DEFAULT_PASS_PORT = "443";

    /** The port of an {@code upstream{}} {@code server} written without one: 80, even behind {@code https://}. */
    public static final String DEFAULT_SERVER_PORT = "80";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The name nginx sends and verifies when {@code *_ssl_name} is not set: the host, or a resolved variable. */
    public String defaultName() {
        return resolvedHost != null ? resolvedHost : host;
    }

    /** The port as written, else {@link #DEFAULT_PASS_PORT}. */
    public String portOrDefault() {
        return port != null ? port : DEFAULT_PASS_PORT;
    }

    /** The port of an {@code upstream{}} server address, else {@link #DEFAULT_SERVER_PORT}. */
    public static String serverPort(String address) {
        String written = portOf(address);
        return written != null ? written : DEFAULT_SERVER_PORT;
    }

    /** The host of a {@code host[:port]} or {@code [v6]:port} address. */
    public static String hostOf(String address) {
        String a = address;
        if (a.startsWith("unix:")) {
            return a;
        }
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return close > 0 ? a.substring(0, close + 1) : a;
        }
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }

    /** The port of an address, or {@code null}. */
    public static String portOf(String address) {
        if (address.startsWith("unix:")) {
            return null;
        }
        String host = hostOf(address);
        return address.length() > host.length() + 1 && address.charAt(host.length()) == ':'
                ? address.substring(host.length() + 1) : null;
    }

    /** True for IPv4 and bracketed IPv6 literals. */
    public static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || (host.startsWith("[") && host.endsWith("]"));
    }
}
