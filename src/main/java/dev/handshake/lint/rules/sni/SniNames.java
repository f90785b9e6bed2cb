package dev.handshake.lint.rules.sni;

import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.UpstreamTls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names to suggest when a fix must choose the name an upstream's certificate carries: for the SNI
 * rules' "Send SNI" and the verify rules' "Verify the upstream" alike.
 */
public final class SniNames {

    private SniNames() {
    }

    /**
     * Ranked SNI names for connections that need one, {@code all} being every TLS connection of the
     * config: first the names the config already sends to the same target elsewhere (its
     * {@code *_ssl_name} there, then a literal Host header there), then as {@link #candidates(List)}.
     */
    public static List<String> candidates(List<UpstreamTls> affected, List<UpstreamTls> all) {
        Set<String> targets = new LinkedHashSet<>();
        affected.forEach(f -> targets.add(f.connection().target().host()));
        Set<String> ranked = new LinkedHashSet<>();
        List<UpstreamTls> elsewhere = all.stream().filter(t -> !affected.contains(t))
                .filter(t -> targets.contains(t.connection().target().host())).toList();
        for (UpstreamTls t : elsewhere) {
            String named = t.nameValue();
            if (named != null && isDnsName(named)) {
                ranked.add(named);
            }
        }
        for (UpstreamTls t : elsewhere) {
            String host = t.hostValue();
            if (host != null && !host.equals(UpstreamTls.PROXY_HOST) && isDnsName(UpstreamTarget.hostOf(host))) {
                ranked.add(UpstreamTarget.hostOf(host));
            }
        }
        ranked.addAll(candidates(affected));
        return List.copyOf(ranked);
    }

    /**
     * Ranked SNI names for connections that need one: hostnames of the group's servers and their
     * common parent domain, a literal Host header, then the server's own {@code server_name}.
     */
    public static List<String> candidates(List<UpstreamTls> affected) {
        Set<String> ranked = new LinkedHashSet<>();
        for (UpstreamTls f : affected) {
            if (f.group() != null) {
                List<String> hosts = new ArrayList<>();
                for (String h : f.group().serverHosts()) {
                    if (isDnsName(h) && !hosts.contains(h)) {
                        hosts.add(h);
                    }
                }
                ranked.addAll(hosts);
                String parent = commonParent(hosts);
                if (parent != null) {
                    ranked.add(parent);
                }
            }
        }
        for (UpstreamTls f : affected) {
            String host = f.hostValue();
            if (!host.equals(UpstreamTls.PROXY_HOST)) {
                String bare = UpstreamTarget.hostOf(host);
                if (isDnsName(bare)) {
                    ranked.add(bare);
                }
            }
        }
        for (UpstreamTls f : affected) {
            Scope server = serverOf(f.connection().scope());
            if (server == null) {
                continue;
            }
            for (Statement s : server.statements("server_name")) {
                for (String n : s.directive().args()) {
                    if (isDnsName(n) && !n.equals("localhost")) {
                        ranked.add(n);
                    }
                }
            }
        }
        return List.copyOf(ranked);
    }

    private static Scope serverOf(Scope scope) {
        Scope server = scope.nearest(ScopeKind.SERVER);
        return server != null ? server : scope.nearest(ScopeKind.STREAM_SERVER);
    }

    /** A literal DNS name: not an IP, a wildcard, a regex, {@code _}, a variable or a socket. */
    private static boolean isDnsName(String n) {
        return !n.isEmpty() && !n.equals("_") && !n.contains("*") && !n.startsWith("~") && !n.startsWith(".")
                && !n.contains("$") && !n.startsWith("unix:") && !UpstreamTarget.isIpLiteral(n)
                && n.matches("[A-Za-z0-9_.-]+");
    }

    /** The longest domain of at least two labels that every one of two or more hostnames ends in. */
    static String commonParent(List<String> hosts) {
        if (hosts.size() < 2) {
            return null;
        }
        String[] shared = null;
        for (String h : hosts) {
            String[] labels = h.toLowerCase(java.util.Locale.ROOT).split("\\.");
            if (shared == null) {
                shared = labels;
                continue;
            }
            int n = 0;
            while (n < shared.length && n < labels.length
                    && shared[shared.length - 1 - n].equals(labels[labels.length - 1 - n])) {
                n++;
            }
            shared = java.util.Arrays.copyOfRange(shared, shared.length - n, shared.length);
        }
        if (shared == null || shared.length < 2) {
            return null;
        }
        String parent = String.join(".", shared);
        return hosts.contains(parent) ? null : parent;
    }
}
