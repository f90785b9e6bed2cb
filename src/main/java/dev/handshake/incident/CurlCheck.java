package dev.handshake.incident;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.TlsFamily;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamGroup;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.UpstreamTls;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the shell commands that test an upstream the way nginx reaches it: with the SNI nginx sends
 * ({@link UpstreamTls#sniName}), the Host header it sends, against each server's address, verifying with the
 * trusted CA. One command per server of an {@code upstream{}} group; {@code #} comments say what nginx
 * does differently.
 */
public final class CurlCheck {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,\\[\\]-]+");

    private final ConfigModel model;
    private final UpstreamConnection connection;
    private final UpstreamTls tls;
    private final String caPath;
    private final List<String> lines = new ArrayList<>();

    private CurlCheck(ConfigModel model, UpstreamConnection connection, String caPath) {
        this.model = model;
        this.connection = connection;
        this.tls = model.upstreamTls(connection);
        this.caPath = caPath;
    }

    /** One server address an upstream connection reaches. */
    private record Address(String host, String port) {

        boolean isIp() {
            return UpstreamTarget.isIpLiteral(host);
        }
    }

    /**
     * The commands that test {@code connection}, one line each, comments first.
     *
     * @param fallbackCa the CA bundle to verify with when the configuration names none, or {@code null}
     *                   for curl's default
     */
    public static String build(ConfigModel model, UpstreamConnection connection, String fallbackCa) {
        String trusted = model.settings().value(connection.home(), connection.ssl("trusted_certificate"), null);
        CurlCheck check = new CurlCheck(model, connection, trusted != null ? trusted : fallbackCa);
        check.write();
        return String.join("\n", check.lines) + "\n";
    }

    /**
     * The connection a caret at {@code offset} of {@code file} is about: the one whose {@code *_pass}
     * holds it, else the innermost block around it that makes one, else a connection to the
     * {@code upstream{}} group it is in.
     */
    public static Optional<UpstreamConnection> at(ConfigModel model, Path file, int offset) {
        Path normal = file.toAbsolutePath().normalize();
        UpstreamConnection best = null;
        int bestRank = Integer.MAX_VALUE;
        for (UpstreamConnection c : model.upstreamConnections()) {
            int rank = Integer.MAX_VALUE;
            if (c.pass().path().equals(normal) && contains(c.pass().range(), offset)) {
                rank = 0;
            } else {
                for (Scope s = c.scope(); s != null && s.opener() != null; s = s.parent()) {
                    if (s.opener().path().equals(normal) && contains(s.opener().range(), offset)) {
                        rank = 1 + s.opener().range().length();
                        break;
                    }
                }
                UpstreamGroup group = c.target().group();
                if (rank == Integer.MAX_VALUE && group != null && group.statement() != null
                        && group.statement().path().equals(normal) && contains(group.statement().range(), offset)) {
                    rank = Integer.MAX_VALUE - 1;
                }
            }
            if (rank < bestRank) {
                bestRank = rank;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean contains(TextRange range, int offset) {
        return offset >= range.start() && offset <= range.end();
    }

    private void write() {
        Scope home = connection.home();
        UpstreamTarget target = connection.target();
        lines.add("# " + connection.describe());
        String nameSource = tls.nameValue() != null ? connection.ssl("name") : connection.family().passDirective() + " host";
        String name = tls.verifiedName();
        String sni = tls.sniName();
        if (!tls.sniOn()) {
            lines.add("# nginx sends no SNI here (" + connection.ssl("server_name") + " off)");
        } else if (sni == null) {
            lines.add("# nginx sends no SNI here: the name is the IP address " + name
                    + " (IP addresses are never sent as SNI)");
        } else {
            lines.add("# SNI nginx sends: " + name + " (from " + nameSource + ")");
            if (name.contains("$")) {
                lines.add("# " + name + " is computed per request: put the name it takes in its place");
            }
        }
        if (!model.settings().isOn(home, connection.ssl("verify"), false)) {
            lines.add("# nginx does not verify this certificate (" + connection.ssl("verify")
                    + " off); these commands do");
        }
        if (target.kind() == UpstreamTarget.Kind.UNIX) {
            String socket = target.host().substring("unix:".length());
            lines.add(curl("--unix-socket " + quote(socket), sni != null ? sni : "localhost", null));
            return;
        }
        if (target.kind() == UpstreamTarget.Kind.VARIABLE && target.resolvedHost() == null) {
            lines.add("# the address " + target.host() + " is computed per request: put a real one in its place");
        }
        for (Address address : addresses()) {
            lines.add(command(address, sni));
        }
    }

    /** The servers reached: the group's, or the single target. */
    private List<Address> addresses() {
        UpstreamTarget target = connection.target();
        List<Address> found = new ArrayList<>();
        if (target.group() != null) {
            for (Statement server : target.group().servers()) {
                if (server.directive().argCount() == 0) {
                    continue;
                }
                String written = server.directive().arg(0);
                if (written.startsWith("unix:")) {
                    lines.add("# skipped " + written + ": a unix socket");
                    continue;
                }
                found.add(new Address(UpstreamTarget.hostOf(written), UpstreamTarget.serverPort(written)));
            }
            if (found.isEmpty()) {
                lines.add("# upstream " + target.group().name() + " has no server with an address");
            }
            return found;
        }
        found.add(new Address(target.defaultName(), tls.port()));
        return found;
    }

    private String command(Address address, String sni) {
        boolean tlsOnly = connection.family() == TlsFamily.STREAM || connection.family() == TlsFamily.UWSGI;
        String hostPort = address.host() + ":" + address.port();
        if (tlsOnly) {
            StringBuilder s = new StringBuilder("openssl s_client -connect ").append(quote(hostPort));
            s.append(sni != null ? " -servername " + quote(sni) : " -noservername");
            if (caPath != null) {
                s.append(" -CAfile ").append(quote(caPath));
            }
            return s.append(" -verify_return_error </dev/null").toString();
        }
        if (sni == null) {
            if (!address.isIp()) {
                // curl always sends a host name as SNI; openssl can leave it out.
                return "openssl s_client -connect " + quote(hostPort) + " -noservername"
                        + (caPath != null ? " -CAfile " + quote(caPath) : "") + " -verify_return_error </dev/null";
            }
            return curl(null, address.host() + ":" + address.port(), hostHeader(address.host()));
        }
        String route;
        if (address.isIp()) {
            route = "--resolve " + quote(sni + ":" + address.port() + ":" + address.host());
        } else if (!address.host().equalsIgnoreCase(sni)) {
            route = "--connect-to " + quote(sni + ":" + address.port() + ":" + hostPort);
        } else {
            route = null;
        }
        return curl(route, sni + ":" + address.port(), hostHeader(sni));
    }

    private String curl(String route, String authority, String host) {
        StringBuilder s = new StringBuilder("curl -sv");
        if (connection.family() == TlsFamily.GRPC) {
            s.append(" --http2");
        }
        if (route != null) {
            s.append(' ').append(route);
        }
        if (caPath != null) {
            s.append(" --cacert ").append(quote(caPath));
        }
        if (host != null) {
            s.append(" -H ").append(quote("Host: " + host));
        }
        String url = "https://" + authority + path();
        if (url.contains("[")) {
            s.append(" -g");
        }
        return s.append(' ').append(quote(url)).toString();
    }

    /** The Host header nginx sends when it differs from the URL's host and is known; else {@code null}. */
    private String hostHeader(String urlHost) {
        if (!tls.sendsHost()) {
            return null;
        }
        String host = tls.hostHeader();
        if (host.contains("$") || UpstreamTarget.hostOf(host).equalsIgnoreCase(urlHost)) {
            return null;
        }
        return host;
    }

    /** The path to request: the {@code *_pass} URI, else a literal location prefix, else {@code /}. */
    private String path() {
        String url = connection.pass().directive().arg(0);
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        int slash = rest.indexOf('/');
        if (slash >= 0 && !rest.substring(slash).contains("$")) {
            return rest.substring(slash);
        }
        Scope location = connection.scope().nearest(ScopeKind.LOCATION);
        if (location != null && location.directive() != null) {
            List<String> args = location.directive().args();
            String prefix = args.isEmpty() ? "" : args.get(args.size() - 1);
            boolean literal = args.size() == 1 || args.get(0).equals("^~") || args.get(0).equals("=");
            if (literal && prefix.startsWith("/")) {
                return prefix;
            }
        }
        return "/";
    }

    private static String quote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
