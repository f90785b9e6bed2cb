package dev.handshake.nginx;

import dev.handshake.syntax.Block;
import dev.handshake.syntax.Directive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A configuration as nginx would load it from one main file: every file reached through
 * {@code include}, the tree of scopes with included directives spliced in, and the problems met on
 * the way. Build it with {@link #load}.
 */
public final class ConfigModel {

    /**
     * The most statements that includes may splice in as copies: a file spliced in a second time (a
     * snippet included from every server) counts its statements again, and so does all it includes.
     * Past the budget, includes are no longer followed and one {@code include-expansion-too-large}
     * finding says where it ran out. The first splice of each file is free (each file is bounded by its
     * size). Ten files that each {@code include *.conf} would otherwise splice in millions of copies.
     */
    public static final int MAX_COPIED_STATEMENTS = 50_000;

    /**
     * Blocks and includes nested deeper than this (each block and each include one level) are not
     * analysed; the parser's cap, so that no walk over scopes recurses without a bound.
     */
    public static final int MAX_DEPTH = dev.handshake.syntax.Parser.MAX_DEPTH;

    private final ConfigFile main;
    private final Scope root;
    private final Map<Path, ConfigFile> files;
    private final Map<Directive, List<ConfigFile>> includeTargets;
    private final List<ModelProblem> problems;
    private final Options options;
    private EffectiveSettings settings;
    private List<UpstreamConnection> connections;
    private List<UpstreamConnection> variablePasses;
    private Map<Scope, List<UpstreamConnection>> connectionsByHome;
    private List<UpstreamTls> tls;
    private Map<UpstreamConnection, UpstreamTls> tlsByConnection;
    private final Map<Object, Object> derived = new HashMap<>();

    private ConfigModel(ConfigFile main, Scope root, Map<Path, ConfigFile> files,
                        Map<Directive, List<ConfigFile>> includeTargets, List<ModelProblem> problems,
                        Options options) {
        this.main = main;
        this.options = options;
        this.root = root;
        this.files = files;
        this.includeTargets = includeTargets;
        this.problems = problems;
    }

    /** Options for building a model. */
    public record Options(ScopeKind context, Map<String, Path> pathMappings, SourceLoader loader) {

        /** Infer the context, no mappings, read from disk. */
        public static Options defaults() {
            return new Options(null, Map.of(), SourceLoader.fileSystem());
        }

        public Options withContext(ScopeKind kind) {
            return new Options(kind, pathMappings, loader);
        }

        public Options withLoader(SourceLoader sourceLoader) {
            return new Options(context, pathMappings, sourceLoader);
        }

        public Options withPathMappings(Map<String, Path> mappings) {
            return new Options(context, mappings, loader);
        }
    }

    /**
     * Loads {@code mainPath} and everything it includes.
     *
     * @throws IOException only when the main file itself cannot be read
     */
    public static ConfigModel load(Path mainPath, Options options) throws IOException {
        Path normal = mainPath.toAbsolutePath().normalize();
        ConfigFile main = new ConfigFile(normal, options.loader().load(normal));
        return build(main, options);
    }

    /** Builds the model over an already parsed main file (an editor buffer). */
    public static ConfigModel build(ConfigFile main, Options options) {
        ScopeKind kind = options.context() != null ? options.context() : ContextInference.infer(main.tree());
        Path base = main.path().getParent() != null ? main.path().getParent() : main.path();
        Builder builder = new Builder(new IncludeResolver(base, options.pathMappings(), options.loader()), options.loader());
        builder.files.put(main.path(), main);
        Scope root = new Scope(kind, null, null);
        builder.stack.push(main.path());
        builder.fill(root, main.tree().root(), main, 0);
        return new ConfigModel(main, root, builder.files, builder.includeTargets, builder.problems,
                options.withContext(kind));
    }

    /** The options this model was built with (context resolved), to rebuild it over changed texts. */
    public Options options() {
        return options;
    }

    /** The same configuration rebuilt with {@code changed} texts (by normalised path) in place of the disk's. */
    public ConfigModel rebuild(Map<Path, dev.handshake.text.SourceText> changed) throws IOException {
        Options overlaid = options.withLoader(SourceLoader.overlay(changed, options.loader()));
        dev.handshake.text.SourceText mainText = changed.get(main.path());
        return mainText != null
                ? build(new ConfigFile(main.path(), mainText), overlaid)
                : build(main, overlaid);
    }

    public ConfigFile main() {
        return main;
    }

    public Scope root() {
        return root;
    }

    /** Every file loaded, the main one first, in the order they were reached. */
    public List<ConfigFile> files() {
        return List.copyOf(files.values());
    }

    public Optional<ConfigFile> file(Path path) {
        return Optional.ofNullable(files.get(path.toAbsolutePath().normalize()));
    }

    /** The files an {@code include} directive brought in (empty for a glob matching nothing or a missing file). */
    public List<ConfigFile> includedBy(Directive include) {
        return includeTargets.getOrDefault(include, List.of());
    }

    public List<ModelProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The inheritance resolver, built once per model. */
    public EffectiveSettings settings() {
        EffectiveSettings built = settings;
        if (built == null) {
            built = new EffectiveSettings();
            settings = built;
        }
        return built;
    }

    /** Every TLS connection to an upstream, in document order; found once per model. */
    public synchronized List<UpstreamConnection> upstreamConnections() {
        if (connections == null) {
            connections = List.copyOf(UpstreamConnections.find(this));
        }
        return connections;
    }

    /**
     * Every http-family {@code *_pass} with a variable in its URL that is not one of
     * {@link #upstreamConnections} ({@code proxy_pass http://$host:9446}, a {@code $backend} of unknown
     * value), as a connection with a {@link UpstreamTarget.Kind#VARIABLE} target: nginx prepares upstream
     * TLS for every pass with a variable, whatever its scheme, so {@code nginx -t} checks the TLS
     * settings in force there. Not a TLS connection: only rules about what {@code nginx -t} refuses use it.
     */
    public synchronized List<UpstreamConnection> variablePasses() {
        if (variablePasses == null) {
            variablePasses = List.copyOf(UpstreamConnections.variablePasses(this, upstreamConnections()));
        }
        return variablePasses;
    }

    /** What nginx sends on every TLS connection to an upstream, in document order; worked out once per model. */
    public synchronized List<UpstreamTls> upstreamTls() {
        if (tls == null) {
            tls = List.copyOf(UpstreamTls.of(this));
            Map<UpstreamConnection, UpstreamTls> index = new IdentityHashMap<>();
            for (UpstreamTls t : tls) {
                index.put(t.connection(), t);
            }
            tlsByConnection = index;
        }
        return tls;
    }

    /** What nginx sends on {@code connection}, one of this model's {@link #upstreamConnections}. */
    public synchronized UpstreamTls upstreamTls(UpstreamConnection connection) {
        upstreamTls();
        UpstreamTls found = tlsByConnection.get(connection);
        if (found == null) {
            throw new IllegalArgumentException("not a connection of this model: " + connection.describe());
        }
        return found;
    }

    /** The TLS connections whose settings live in {@code home} ({@link UpstreamConnection#home}), in document order. */
    public synchronized List<UpstreamConnection> connectionsOf(Scope home) {
        if (connectionsByHome == null) {
            Map<Scope, List<UpstreamConnection>> index = new IdentityHashMap<>();
            for (UpstreamConnection c : upstreamConnections()) {
                index.computeIfAbsent(c.home(), k -> new ArrayList<>()).add(c);
            }
            connectionsByHome = index;
        }
        return connectionsByHome.getOrDefault(home, List.of());
    }

    /**
     * A fact derived from this model, computed on first use and kept with it (so a rule's fixes share
     * one scan instead of rescanning per finding). {@code key} identifies the fact.
     */
    public <T> T derived(Object key, java.util.function.Function<ConfigModel, T> compute) {
        synchronized (derived) {
            @SuppressWarnings("unchecked")
            T known = (T) derived.get(key);
            if (known != null) {
                return known;
            }
        }
        T value = compute.apply(this);
        synchronized (derived) {
            derived.putIfAbsent(key, value);
        }
        return value;
    }

    /** Every {@code upstream{}} group, http and stream. */
    public List<UpstreamGroup> upstreamGroups() {
        return UpstreamConnections.groups(this);
    }

    /** Visits every scope, depth first, the root included. */
    public void walkScopes(Consumer<Scope> visitor) {
        Deque<Scope> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Scope s = todo.pop();
            visitor.accept(s);
            List<Scope> kids = s.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(kids.get(i));
            }
        }
    }

    /** Every scope of {@code kind}, in document order. */
    public List<Scope> scopes(ScopeKind kind) {
        List<Scope> found = new ArrayList<>();
        walkScopes(s -> {
            if (s.kind() == kind) {
                found.add(s);
            }
        });
        return found;
    }

    /** Every statement in every scope, in reading order. */
    public List<Statement> statements() {
        List<Statement> all = new ArrayList<>();
        walkScopes(s -> all.addAll(s.statements()));
        return all;
    }

    private static final class Builder {
        private final IncludeResolver resolver;
        private final SourceLoader loader;
        private final Map<Path, ConfigFile> files = new LinkedHashMap<>();
        private final Map<Directive, List<ConfigFile>> includeTargets = new IdentityHashMap<>();
        private final List<ModelProblem> problems = new ArrayList<>();
        private final Map<Path, IOException> unreadable = new LinkedHashMap<>();
        private final Deque<Path> stack = new ArrayDeque<>();
        private final Map<String, List<Path>> expansions = new java.util.HashMap<>();
        private final java.util.Set<String> reported = new java.util.HashSet<>();
        private final java.util.Set<ProblemKey> reportedAt = new java.util.HashSet<>();
        /** Files already spliced in once: splicing one again makes copies, which the budget counts. */
        private final java.util.Set<ConfigFile> spliced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /**
         * Files seen on an include cycle. nginx follows a cycle until its stack runs out (1.22.1: a
         * segmentation fault in {@code nginx -t}), so a file on one is spliced in once and not again:
         * ten files that each include {@code *.conf} would otherwise make every order of them.
         */
        private final java.util.Set<Path> cyclic = new java.util.HashSet<>();
        private int copying;
        private int copied;
        private boolean overBudget;

        Builder(IncludeResolver resolver, SourceLoader loader) {
            this.resolver = resolver;
            this.loader = loader;
        }

        void fill(Scope scope, Block block, ConfigFile file, int depth) {
            for (Directive d : block.directives()) {
                if (copying > 0 && ++copied > MAX_COPIED_STATEMENTS) {
                    if (!overBudget) {
                        overBudget = true;
                        problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE, file.path(),
                                d.range(), "the includes splice in more than " + MAX_COPIED_STATEMENTS
                                + " statements again and again; the rest are not analysed"));
                    }
                    return;
                }
                if (d.name().equals("include") && !d.hasBlock() && d.argCount() == 1 && scope.kind() != ScopeKind.LUA) {
                    include(scope, d, file, depth);
                    continue;
                }
                Statement statement = new Statement(d, file, scope);
                scope.add(statement);
                if (d.block() != null) {
                    if (depth >= MAX_DEPTH) {
                        // A block the parser already cut (its own syntax error) has no directives.
                        if (!d.block().directives().isEmpty()) {
                            tooDeep(file, d);
                        }
                        continue;
                    }
                    Scope child = new Scope(scope.kind().child(d.name()), statement, scope);
                    scope.addChild(child);
                    fill(child, d.block(), file, depth + 1);
                }
            }
        }

        private void tooDeep(ConfigFile file, Directive d) {
            if (reported.add("depth")) {
                problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE, file.path(), d.range(),
                        "blocks and includes nest deeper than " + MAX_DEPTH
                        + " levels; the inner ones are not analysed"));
            }
        }

        /** One problem per include directive and kind, however often its file is spliced in. */
        private void problem(ModelProblem.Kind kind, ConfigFile from, Directive include,
                             java.util.function.Supplier<String> message) {
            if (reportedAt.add(new ProblemKey(kind, include))) {
                problems.add(new ModelProblem(kind, from.path(), include.range(), message.get()));
            }
        }

        /** A directive compares by identity, so this key is one include directive and one kind. */
        private record ProblemKey(ModelProblem.Kind kind, Directive at) {
        }

        private void include(Scope scope, Directive include, ConfigFile from, int depth) {
            scope.add(new Statement(include, from, scope));
            if (depth >= MAX_DEPTH) {
                tooDeep(from, include);
                return;
            }
            String pattern = include.arg(0);
            List<Path> targets = expansions.get(pattern);
            if (targets == null) {
                try {
                    targets = resolver.expand(pattern);
                } catch (IOException | RuntimeException e) {
                    problem(ModelProblem.Kind.INCLUDE_UNREADABLE, from, include,
                            () -> "cannot list files for include \"" + pattern + "\": " + e.getMessage());
                    return;
                }
                expansions.put(pattern, targets);
            }
            List<ConfigFile> reached = includeTargets.computeIfAbsent(include, k -> new ArrayList<>());
            java.util.Set<ConfigFile> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(reached);
            for (Path target : targets) {
                if (overBudget) {
                    return;
                }
                if (stack.contains(target)) {
                    problem(ModelProblem.Kind.INCLUDE_CYCLE, from, include, () -> "include cycle: " + cycleText(target));
                    markCycle(target);
                    continue;
                }
                ConfigFile file = loadIncluded(target, include, from, IncludeResolver.isGlob(pattern));
                if (file == null) {
                    continue;
                }
                if (seen.add(file)) {
                    reached.add(file);
                }
                if (cyclic.contains(target) && spliced.contains(file)) {
                    continue;
                }
                boolean copy = !spliced.add(file);
                copying += copy ? 1 : 0;
                stack.push(target);
                fill(scope, file.tree().root(), file, depth + 1);
                stack.pop();
                copying -= copy ? 1 : 0;
            }
        }

        private ConfigFile loadIncluded(Path target, Directive include, ConfigFile from, boolean fromGlob) {
            ConfigFile known = files.get(target);
            if (known != null) {
                return known;
            }
            if (!fromGlob && !loader.exists(target)) {
                problem(ModelProblem.Kind.INCLUDE_NOT_FOUND, from, include, () -> "included file " + target + " not found");
                return null;
            }
            if (unreadable.containsKey(target)) {
                return null;
            }
            try {
                ConfigFile file = new ConfigFile(target, loader.load(target));
                files.put(file.path(), file);
                return file;
            } catch (IOException e) {
                unreadable.put(target, e);
                problem(ModelProblem.Kind.INCLUDE_UNREADABLE, from, include,
                        () -> "cannot read included file " + target + ": " + e.getMessage());
                return null;
            }
        }

        /** Every file on the stack from {@code target} up is on the cycle that reached it again. */
        private void markCycle(Path target) {
            for (Path p : stack) {
                cyclic.add(p);
                if (p.equals(target)) {
                    return;
                }
            }
        }

        private String cycleText(Path target) {
            List<Path> chain = new ArrayList<>(stack);
            Collections.reverse(chain);
            int from = chain.indexOf(target);
            StringBuilder text = new StringBuilder();
            for (Path p : chain.subList(from, chain.size())) {
                text.append(p.getFileName()).append(" -> ");
            }
            return text.append(target.getFileName()).toString();
        }
    }
}
