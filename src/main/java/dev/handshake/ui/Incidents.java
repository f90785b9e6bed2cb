package dev.handshake.ui;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.EffectiveSettings;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers from the incident Handshake exists for, as pure functions of the model: the curl command
 * that tests an upstream with the SNI nginx sends, and the blocks that proxy to the upstream named in
 * a pasted error-log line.
 */
final class Incidents {

    private static final Pattern UPSTREAM_URL = Pattern.compile("upstream: \"([a-z]+)://([^\"/]+)(/[^\"]*)?\"");
    private static final Pattern NAME_MISMATCH = Pattern.compile("certificate does not match \"([^\"]+)\"");

    private Incidents() {
    }

    /** The connection whose {@code *_pass} is on the caret's line, else the innermost one around it. */
    static Optional<UpstreamConnection> connectionAt(ConfigModel model, Path file, int offset, int lineStart, int lineEnd) {
        UpstreamConnection around = null;
        for (UpstreamConnection c : model.upstreamConnections()) {
            if (!c.pass().path().equals(file)) {
                continue;
            }
            int start = c.pass().range().start();
            if (start >= lineStart && start <= lineEnd) {
                return Optional.of(c);
            }
            Statement opener = c.home().opener();
            if (opener != null && opener.path().equals(file) && opener.range().contains(offset)
                    && (around == null || around.home().opener().range().contains(opener.range()))) {
                around = c;
            }
        }
        return Optional.ofNullable(around);
    }

    /**
     * {@code curl -v --resolve NAME:PORT:IP --cacert CA https://NAME:PORT/PATH}: the handshake nginx
     * makes for {@code c}, from a shell. Where nginx sends no SNI the URL holds the address, as curl
     * then sends none either.
     */
    static String curlCheck(ConfigModel model, UpstreamConnection c) {
        EffectiveSettings settings = model.settings();
        Scope home = c.home();
        UpstreamTarget target = c.target();
        String address = target.defaultName();
        String port = target.port() != null ? target.port() : "443";
        if (target.kind() == UpstreamTarget.Kind.GROUP && target.group() != null) {
            List<Statement> servers = target.group().servers();
            if (!servers.isEmpty() && servers.get(0).directive().argCount() > 0) {
                String server = servers.get(0).directive().arg(0);
                address = UpstreamTarget.hostOf(server);
                port = UpstreamTarget.portOf(server) != null ? UpstreamTarget.portOf(server) : "443";
            }
        }
        String path = pathOf(c.pass().directive().argCount() > 0 ? c.pass().directive().arg(0) : "");
        boolean sni = settings.isOn(home, c.ssl("server_name"), false);
        String name = settings.value(home, c.ssl("name"), target.defaultName());
        boolean verify = settings.isOn(home, c.ssl("verify"), false);
        String ca = settings.value(home, c.ssl("trusted_certificate"), null);
        String trust = ca != null ? " --cacert " + ca : verify ? "" : " --insecure";
        if (!sni || UpstreamTarget.isIpLiteral(name) || name.contains("$")) {
            return "# nginx sends no SNI here" + (sni ? " (the name is an address or a variable)" : "")
                    + "\ncurl -v" + trust + " https://" + address + ":" + port + path;
        }
        String reach = UpstreamTarget.isIpLiteral(address) ? " --resolve " + name + ":" + port + ":" + strip(address)
                : " --connect-to " + name + ":" + port + ":" + address + ":" + port;
        return "curl -v" + reach + trust + " https://" + name + ":" + port + path;
    }

    private static String strip(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    /** The path of a {@code *_pass} URL, or {@code /}. */
    static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 || url.contains("$") ? "/" : url.substring(slash);
    }

    /**
     * The connections a pasted error-log line is about: {@code upstream: "https://10.0.4.22:443/..."}
     * names the address (matched against targets and the servers of groups); {@code certificate does
     * not match "NAME"} names the name nginx checked.
     */
    static List<UpstreamConnection> locate(ConfigModel model, String logLine) {
        List<UpstreamConnection> found = new ArrayList<>();
        Matcher url = UPSTREAM_URL.matcher(logLine);
        Matcher mismatch = NAME_MISMATCH.matcher(logLine);
        String host = null;
        String port = null;
        if (url.find()) {
            host = UpstreamTarget.hostOf(url.group(2));
            String written = UpstreamTarget.portOf(url.group(2));
            port = written != null ? written : url.group(1).endsWith("s") ? "443" : "80";
        }
        String checkedName = mismatch.find() ? mismatch.group(1) : null;
        for (UpstreamConnection c : model.upstreamConnections()) {
            boolean byAddress = host != null && reaches(c, host, port);
            boolean byName = checkedName != null
                    && model.settings().value(c.home(), c.ssl("name"), c.target().defaultName()).equals(checkedName);
            if (byAddress || byName) {
                found.add(c);
            }
        }
        return found;
    }

    private static boolean reaches(UpstreamConnection c, String host, String port) {
        UpstreamTarget target = c.target();
        if (target.kind() == UpstreamTarget.Kind.GROUP && target.group() != null) {
            for (Statement server : target.group().servers()) {
                if (server.directive().argCount() > 0) {
                    String address = server.directive().arg(0);
                    String serverPort = UpstreamTarget.portOf(address) != null ? UpstreamTarget.portOf(address) : "80";
                    if (UpstreamTarget.hostOf(address).equals(host) && serverPort.equals(port)) {
                        return true;
                    }
                }
            }
            return target.host().equals(host);
        }
        String targetPort = target.port() != null ? target.port() : "443";
        return target.defaultName().equals(host) && targetPort.equals(port);
    }
}
