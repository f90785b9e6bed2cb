package dev.handshake.nginx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What nginx's documentation says about one directive name, merged over the modules that define it
 * ({@code proxy_pass} is both an http and a stream directive): the union of contexts, and for each
 * context the module (and so the syntax, default and doc link) that applies there.
 *
 * @param name        the directive name
 * @param definitions one per documenting module, in catalogue order
 */
public record DirectiveSpec(String name, List<Definition> definitions) {

    /** Context label of directives allowed everywhere ({@code include}). */
    public static final String ANY = "any";
    /** Context label of nginx's "if in location": an {@code if} inside a location, not a server. */
    public static final String IF_IN_LOCATION = "if-in-location";

    private static final List<String> CONTEXT_ORDER = List.of("main", "events", "http", "server", "location",
            "if", IF_IN_LOCATION, "limit-except", "upstream", "stream", "stream-server", "stream-upstream", "mail",
            "mail-server", ANY);

    public DirectiveSpec {
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("directive " + name + " has no definition");
        }
        definitions = List.copyOf(definitions);
    }

    /**
     * One module's definition of the directive.
     *
     * @param module       nginx module name ({@code ngx_http_proxy_module}, {@code Core functionality})
     * @param contexts     context labels: {@link ScopeKind#label()} names, {@value #IF_IN_LOCATION},
     *                     {@value #ANY}, or an NGINX Plus block such as {@code oidc-provider}
     * @param syntax       the forms as nginx.org writes them, e.g. {@code return code URL;}
     * @param defaultValue the default, empty when there is none
     * @param block        true when the directive opens a {@code {...}} block
     * @param docUrl       the directive's section on nginx.org
     * @param edition      where it came from: open-source nginx, or NGINX Plus (only, or until {@code since})
     * @param since        the version it appeared in (for {@code plus}: the first open-source version that
     *                     has it); {@code null} when the catalogue does not say
     */
    public record Definition(String module, Set<String> contexts, List<String> syntax, String defaultValue,
                             boolean block, String docUrl, NginxEdition edition, NginxVersion since) {

        public Definition {
            contexts = Set.copyOf(new LinkedHashSet<>(contexts));
            syntax = List.copyOf(syntax);
            if (edition == null) {
                throw new IllegalArgumentException("no edition for " + module);
            }
        }

        /** A definition open-source nginx has had as long as the catalogue knows. */
        public Definition(String module, Set<String> contexts, List<String> syntax, String defaultValue,
                          boolean block, String docUrl) {
            this(module, contexts, syntax, defaultValue, block, docUrl, NginxEdition.OSS, null);
        }

        /** True when {@code target} has this module's form of the directive. */
        public boolean availableIn(NginxTarget target) {
            return target.has(edition, since);
        }

        /** How many arguments this module's forms take ({@code name}: the directive's). */
        public Arity arity(String name) {
            return Arity.of(name, syntax);
        }

        /** True when this module allows the directive in a block of {@code kind}. */
        public boolean allows(ScopeKind kind) {
            return allows(kind, false);
        }

        /**
         * True when this module allows the directive in a block of {@code kind}; {@code serverIf} tells
         * an {@code if} directly in a server (where "if in location" directives are refused).
         */
        public boolean allows(ScopeKind kind, boolean serverIf) {
            if (contexts.contains(ANY) || contexts.contains(kind.label())) {
                return true;
            }
            return kind == ScopeKind.IF && !serverIf && contexts.contains(IF_IN_LOCATION);
        }
    }

    /** Every context label any module allows, outermost first (main, http, server, location...). */
    public Set<String> contexts() {
        Set<String> all = new LinkedHashSet<>();
        for (Definition d : definitions) {
            all.addAll(d.contexts());
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(DirectiveSpec::rank));
        return new LinkedHashSet<>(sorted);
    }

    private static int rank(String context) {
        int at = CONTEXT_ORDER.indexOf(context);
        return at < 0 ? CONTEXT_ORDER.size() : at;
    }

    /** The modules that define this directive. */
    public List<String> modules() {
        List<String> all = new ArrayList<>();
        for (Definition d : definitions) {
            all.add(d.module());
        }
        return all;
    }

    /** The definition that applies in a block of {@code kind}, if any module allows it there. */
    public Optional<Definition> definitionIn(ScopeKind kind) {
        return definitions.stream().filter(d -> d.allows(kind)).findFirst();
    }

    /** The module the directive belongs to in a block of {@code kind}. */
    public Optional<String> moduleIn(ScopeKind kind) {
        return definitionIn(kind).map(Definition::module);
    }

    public boolean allowedIn(ScopeKind kind) {
        return definitionIn(kind).isPresent();
    }

    /** Like {@link #allowedIn(ScopeKind)}, telling an {@code if} in a server from one in a location. */
    public boolean allowedIn(Scope scope) {
        return !definitionsIn(scope).isEmpty();
    }

    /** The definitions that allow the directive in {@code scope} (an {@code if} in a server told apart). */
    public List<Definition> definitionsIn(Scope scope) {
        boolean serverIf = scope.kind() == ScopeKind.IF && scope.parent() != null
                && scope.parent().kind() == ScopeKind.SERVER;
        List<Definition> found = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.allows(scope.kind(), serverIf)) {
                found.add(d);
            }
        }
        return found;
    }

    /** True when some module's form of the directive exists in {@code target}, wherever it is allowed. */
    public boolean availableIn(NginxTarget target) {
        return definitions.stream().anyMatch(d -> d.availableIn(target));
    }

    /** The first definition's nginx.org link. */
    public String docUrl() {
        return definitions.get(0).docUrl();
    }

    /** True when some module's form of the directive opens a block. */
    public boolean block() {
        return definitions.stream().anyMatch(Definition::block);
    }
}
