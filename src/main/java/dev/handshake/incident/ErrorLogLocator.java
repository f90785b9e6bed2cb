package dev.handshake.incident;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.UpstreamTls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the configuration behind an nginx error-log line about an upstream: the {@code *_pass}
 * statements whose target (or {@code upstream{}} server) is the logged peer, or whose name is the one
 * the certificate did not match, narrowed by the logged {@code server:} and request path. Best first.
 */
public final class ErrorLogLocator {

    private static final Pattern UPSTREAM = Pattern.compile("upstream: \"([a-z]+)://([^/\"]+)(/[^\"]*)?\"");
    private static final Pattern SERVER = Pattern.compile("server: ([^,\\s]+)");
    private static final Pattern REQUEST = Pattern.compile("request: \"[A-Z]+ ([^ \"?]+)[^\"]*\"");
    private static final Pattern NAME_MISMATCH = Pattern.compile("does not match \"([^\"]+)\"");

    /**
     * What a log line says.
     *
     * @param scheme      {@code https}, {@code grpcs}...; {@code null} when the line names no upstream
     * @param peerHost    the upstream address's host ({@code 10.0.4.22}), or {@code null}
     * @param peerPort    its port, or {@code null}
     * @param upstreamUri the path sent upstream, or {@code null}
     * @param server      the {@code server:} name, or {@code null}
     * @param requestPath the request path (no query), or {@code null}
     * @param certName    the name a certificate did not match, or {@code null}
     */
    public record LogLine(String scheme, String peerHost, String peerPort, String upstreamUri, String server,
                          String requestPath, String certName) {

        /** True when the line tells where it went: an upstream address or a certificate name. */
        public boolean hasTarget() {
            return peerHost != null || certName != null;
        }
    }

    /**
     * One place that may have made the logged connection.
     *
     * @param connection the connection
     * @param via        the {@code upstream{}} {@code server} statement the peer matched, or {@code null}
     * @param score      higher is a better match
     * @param reasons    why it matched, for display
     */
    public record Match(UpstreamConnection connection, Statement via, int score, List<String> reasons) {

        public Match {
            reasons = List.copyOf(reasons);
        }

        /** The statement to show: the {@code *_pass}. */
        public Statement statement() {
            return connection.pass();
        }
    }

    private ErrorLogLocator() {
    }

    /** Reads the fields of a pasted log line; every field is optional. */
    public static LogLine parse(String line) {
        String scheme = null;
        String host = null;
        String port = null;
        String uri = null;
        Matcher m = UPSTREAM.matcher(line);
        if (m.find()) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            host = UpstreamTarget.hostOf(m.group(2));
            port = UpstreamTarget.portOf(m.group(2));
            uri = m.group(3);
        }
        return new LogLine(scheme, host, port, uri, group(SERVER, line), group(REQUEST, line), group(NAME_MISMATCH, line));
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The connections that may have made the logged one, best first; empty when none fits. */
    public static List<Match> locate(ConfigModel model, String line) {
        return locate(model, parse(line));
    }

    public static List<Match> locate(ConfigModel model, LogLine log) {
        List<Match> found = new ArrayList<>();
        if (!log.hasTarget()) {
            return found;
        }
        for (UpstreamConnection c : model.upstreamConnections()) {
            score(model, c, log, false).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            // nginx logs the address a host name resolved to; without DNS, a host name is a weak guess.
            for (UpstreamConnection c : model.upstreamConnections()) {
                score(model, c, log, true).filter(m -> m.score() > 0).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingInt(Match::score).reversed());
        return found;
    }

    private static Optional<Match> score(ConfigModel model, UpstreamConnection c, LogLine log, boolean guessHostNames) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        Statement via = null;
        UpstreamTarget target = c.target();
        UpstreamTls tls = model.upstreamTls(c);
        if (log.peerHost() != null) {
            if (target.group() != null) {
                for (Statement server : target.group().servers()) {
                    if (server.directive().argCount() > 0
                            && sameAddress(server.directive().arg(0), UpstreamTarget.DEFAULT_SERVER_PORT, log)) {
                        via = server;
                        score += 100;
                        reasons.add("upstream " + target.group().name() + " has server " + server.directive().arg(0));
                        break;
                    }
                }
            } else if (sameAddress(tls.proxyHost(), UpstreamTarget.DEFAULT_PASS_PORT, log)) {
                score += 100;
                reasons.add("proxies to " + log.peerHost() + (log.peerPort() != null ? ":" + log.peerPort() : ""));
            }
        }
        if (guessHostNames && score == 0 && target.kind() == UpstreamTarget.Kind.HOSTNAME
                && (log.peerPort() == null || log.peerPort().equals(tls.port()))) {
            score += 10;
            reasons.add("proxies to host name " + target.host() + ", which may resolve to " + log.peerHost());
        }
        if (log.certName() != null) {
            String name = tls.verifiedName();
            if (name.equalsIgnoreCase(log.certName())) {
                score += 60;
                reasons.add("verifies the name " + name);
            }
        }
        if (score == 0) {
            return Optional.empty();
        }
        score += narrowByServer(c, log, reasons) + narrowByPath(c, log, reasons);
        if (log.scheme() != null && c.family().tlsScheme() != null && !c.family().tlsScheme().startsWith(log.scheme() + ":")) {
            score -= 20;
        }
        return Optional.of(new Match(c, via, score, reasons));
    }

    /** Whether address {@code written} (host[:port], port defaulting to {@code defaultPort}) is the logged peer. */
    private static boolean sameAddress(String written, String defaultPort, LogLine log) {
        String host = UpstreamTarget.hostOf(written);
        if (!host.equalsIgnoreCase(log.peerHost())) {
            return false;
        }
        String port = UpstreamTarget.portOf(written);
        return log.peerPort() == null || log.peerPort().equals(port != null ? port : defaultPort);
    }

    private static int narrowByServer(UpstreamConnection c, LogLine log, List<String> reasons) {
        Scope server = c.scope().nearest(ScopeKind.SERVER);
        if (log.server() == null || server == null) {
            return 0;
        }
        List<Statement> names = server.statements("server_name");
        if (names.isEmpty()) {
            return 0;
        }
        for (Statement s : names) {
            for (String name : s.directive().args()) {
                if (serverNameMatches(name, log.server())) {
                    reasons.add("in server " + name);
                    return 30;
                }
            }
        }
        return -40;
    }

    static boolean serverNameMatches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (p.startsWith("~")) {
            try {
                return Pattern.compile(p.substring(1)).matcher(n).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        if (p.startsWith("*.")) {
            return n.endsWith(p.substring(1));
        }
        if (p.startsWith(".")) {
            return n.equals(p.substring(1)) || n.endsWith(p);
        }
        if (p.endsWith(".*")) {
            return n.startsWith(p.substring(0, p.length() - 1));
        }
        return p.equals(n);
    }

    private static int narrowByPath(UpstreamConnection c, LogLine log, List<String> reasons) {
        if (log.requestPath() == null) {
            return 0;
        }
        int score = 0;
        for (Scope s = c.scope(); s != null; s = s.parent()) {
            if (s.kind() != ScopeKind.LOCATION || s.directive() == null || s.directive().argCount() == 0) {
                continue;
            }
            Boolean matches = locationMatches(s.directive().args(), log.requestPath());
            if (matches == null) {
                continue;
            }
            if (!matches) {
                return -30;
            }
            if (score == 0) {
                reasons.add("request " + log.requestPath() + " matches " + s.describe());
                // A longer prefix is the location nginx would pick over a shorter one.
                score = 20 + Math.min(20, s.directive().arg(s.directive().argCount() - 1).length());
            }
        }
        return score;
    }

    /** Whether a location matches {@code path}; {@code null} for a named location (never matches by path). */
    static Boolean locationMatches(List<String> args, String path) {
        String modifier = args.size() > 1 ? args.get(0) : "";
        String value = args.get(args.size() - 1);
        if (value.startsWith("@")) {
            return null;
        }
        switch (modifier) {
            case "=":
                return path.equals(value);
            case "~":
            case "~*":
                try {
                    int flags = modifier.equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
                    return Pattern.compile(value, flags).matcher(path).find();
                } catch (PatternSyntaxException e) {
                    return null;
                }
            default:
                return path.startsWith(value);
        }
    }
}
