package dev.handshake.nginx;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxTree;
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
        if (sawHttp) {
            return ScopeKind.HTTP;
        }
        if (sawServer) {
            return ScopeKind.SERVER;
        }
        return ScopeKind.LOCATION;
    }
}
