package dev.handshake.nginx;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a directive is worth in a scope after nginx's inheritance: set in the scope itself, or
 * inherited from the nearest enclosing scope that sets it (location -> server -> http; an
 * {@code if}/{@code limit_except} takes its location's values). Array directives such as
 * {@code proxy_set_header} are inherited only as a whole, and only by a scope that has none of its own.
 * One instance per {@link ConfigModel}; lookups are cached.
 */
public final class EffectiveSettings {

    /** Directives whose values form a list inherited all-or-nothing. */
    public static final Set<String> ARRAY_DIRECTIVES = Set.of(
            "proxy_set_header", "grpc_set_header", "add_header", "add_trailer",
            "proxy_hide_header", "proxy_pass_header", "grpc_hide_header", "grpc_pass_header",
            "fastcgi_param", "uwsgi_param", "scgi_param", "proxy_ssl_conf_command", "grpc_ssl_conf_command",
            "uwsgi_ssl_conf_command", "ssl_conf_command", "error_page");

    private final Map<Scope, Map<String, Optional<Statement>>> single = new IdentityHashMap<>();
    private final Map<Scope, Map<String, List<Statement>>> arrays = new IdentityHashMap<>();

    /** Empty caches: the model is walked lazily through the scopes passed in. */
    EffectiveSettings() {
    }

    public static boolean isArray(String name) {
        return ARRAY_DIRECTIVES.contains(name);
    }

    /**
     * The statement that gives {@code name} its value in {@code scope}: its own, or the nearest
     * enclosing one. Empty when nginx's default applies. {@code proxy_pass} and its kin are not
     * inherited by nested locations; use {@link #pass} for them.
     */
    public synchronized Optional<Statement> effective(Scope scope, String name) {
        Map<String, Optional<Statement>> cache = single.computeIfAbsent(scope, k -> new HashMap<>());
        Optional<Statement> cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<Statement> found = Optional.empty();
        List<Statement> own = scope.statements(name);
        if (!own.isEmpty()) {
            found = Optional.of(own.get(0));
        } else if (scope.parent() != null) {
            found = effective(scope.parent(), name);
        }
        cache.put(name, found);
        return found;
    }

    /**
     * Every statement of array directive {@code name} in force in {@code scope}: the scope's own if it
     * has any, else what the nearest enclosing scope with any has.
     */
    public synchronized List<Statement> effectiveAll(Scope scope, String name) {
        Map<String, List<Statement>> cache = arrays.computeIfAbsent(scope, k -> new HashMap<>());
        List<Statement> cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        List<Statement> own = scope.statements(name);
        List<Statement> found;
        if (!own.isEmpty()) {
            found = List.copyOf(own);
        } else if (scope.parent() != null) {
            found = effectiveAll(scope.parent(), name);
        } else {
            found = List.of();
        }
        cache.put(name, found);
        return found;
    }

    /** The scope an inherited value comes from: where {@code name} is set, or empty for the default. */
    public Optional<Scope> origin(Scope scope, String name) {
        return effective(scope, name).map(Statement::scope);
    }

    /**
     * The first argument of the effective {@code name} in {@code scope}, or {@code defaultValue}
     * when nginx's default applies.
     */
    public String value(Scope scope, String name, String defaultValue) {
        return effective(scope, name)
                .filter(s -> s.directive().argCount() > 0)
                .map(s -> s.directive().arg(0))
                .orElse(defaultValue);
    }

    /** The effective on/off flag {@code name} in {@code scope}. */
    public boolean isOn(Scope scope, String name, boolean defaultOn) {
        return "on".equals(value(scope, name, defaultOn ? "on" : "off"));
    }

    /**
     * The {@code *_pass} statement in force in {@code scope}: the scope's own; for an {@code if} or
     * {@code limit_except} without one, its location's. A nested named location does not inherit it.
     */
    public Optional<Statement> pass(Scope scope, String passName) {
        for (Scope s = scope; s != null; s = s.parent()) {
            List<Statement> own = s.statements(passName);
            if (!own.isEmpty()) {
                return Optional.of(own.get(0));
            }
            if (s.kind() != ScopeKind.IF && s.kind() != ScopeKind.LIMIT_EXCEPT) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
