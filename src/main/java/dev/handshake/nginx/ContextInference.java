package dev.handshake.nginx;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxTree;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the context a file checked on its own belongs in: a whole configuration (main), or a
 * fragment meant to be included in http, server or location, like the {@code *.conf.sample} files
 * that reverse proxies ship.
 */
public final class ContextInference {

    private static final Set<String> MAIN_ONLY = Set.of(
            "events", "http", "stream", "mail", "user", "worker_processes", "pid", "load_module",
            "worker_rlimit_nofile", "daemon", "master_process", "env", "thread_pool", "pcre_jit",
            "error_log", "include");
    private static final Set<String> HTTP_LEVEL = Set.of("server", "upstream", "map", "geo", "split_clients",
            "log_format", "proxy_cache_path", "limit_req_zone", "limit_conn_zone");
    private static final Set<String> SERVER_LEVEL = Set.of("location", "listen", "server_name");

    private ContextInference() {
    }

    /** The context to analyse {@code tree}'s top level in. */
    public static ScopeKind infer(SyntaxTree tree) {
        boolean sawMain = false;
        boolean sawHttp = false;
        boolean sawServer = false;
        boolean sawOther = false;
        for (Directive d : tree.root().directives()) {
            String name = d.name();
            if (name.equals("events") || name.equals("http") || name.equals("stream") || name.equals("mail")
                    || (MAIN_ONLY.contains(name) && !name.equals("include") && !name.equals("error_log"))) {
                sawMain = true;
            } else if (HTTP_LEVEL.contains(name)) {
                sawHttp = true;
            } else if (SERVER_LEVEL.contains(name)) {
                sawServer = true;
            } else if (!MAIN_ONLY.contains(name)) {
                sawOther = true;
            }
        }
        if (sawMain || (!sawHttp && !sawServer && !sawOther)) {
            return ScopeKind.MAIN;
        }
        ScopeKind guess = sawHttp ? ScopeKind.HTTP : sawServer ? ScopeKind.SERVER : ScopeKind.LOCATION;
        return widenToFit(guess, tree);
    }

    /**
     * The innermost of {@code guess}, server and http where every documented top-level directive is
     * allowed: a fragment of {@code ssl_*} lines belongs in a server, not a location. Stays at
     * {@code guess} when no context fits them all.
     */
    private static ScopeKind widenToFit(ScopeKind guess, SyntaxTree tree) {
        List<ScopeKind> outward = List.of(ScopeKind.LOCATION, ScopeKind.SERVER, ScopeKind.HTTP);
        DirectiveCatalogue catalogue = DirectiveCatalogue.standard();
        for (ScopeKind candidate : outward.subList(outward.indexOf(guess), outward.size())) {
            boolean fits = true;
            for (Directive d : tree.root().directives()) {
                Optional<DirectiveSpec> spec = catalogue.find(d.name());
                if (spec.isPresent() && !spec.get().allowedIn(candidate)) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                return candidate;
            }
        }
        return guess;
    }
}
