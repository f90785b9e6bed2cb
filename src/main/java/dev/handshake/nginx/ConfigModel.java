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

    private final ConfigFile main;
    private final Scope root;
    private final Map<Path, ConfigFile> files;
    private final Map<Directive, List<ConfigFile>> includeTargets;
    private final List<ModelProblem> problems;
    private final Options options;
    private EffectiveSettings settings;
    private List<UpstreamConnection> connections;
    private Map<Scope, List<UpstreamConnection>> connectionsByHome;
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
        builder.fill(root, main.tree().root(), main);
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
            built = new EffectiveSettings(this);
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

        Builder(IncludeResolver resolver, SourceLoader loader) {
            this.resolver = resolver;
            this.loader = loader;
        }

        void fill(Scope scope, Block block, ConfigFile file) {
            for (Directive d : block.directives()) {
                if (d.name().equals("include") && !d.hasBlock() && d.argCount() == 1 && scope.kind() != ScopeKind.LUA) {
                    include(scope, d, file);
                    continue;
                }
                Statement statement = new Statement(d, file, scope);
                scope.add(statement);
                if (d.block() != null) {
                    Scope child = new Scope(scope.kind().child(d.name()), statement, scope);
                    scope.addChild(child);
                    fill(child, d.block(), file);
                }
            }
        }

        private void include(Scope scope, Directive include, ConfigFile from) {
            scope.add(new Statement(include, from, scope));
            String pattern = include.arg(0);
            List<Path> targets;
            try {
                targets = resolver.expand(pattern);
            } catch (IOException e) {
                problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_UNREADABLE, from.path(), include.range(),
                        "cannot list files for include \"" + pattern + "\": " + e.getMessage()));
                return;
            }
            List<ConfigFile> reached = includeTargets.computeIfAbsent(include, k -> new ArrayList<>());
            for (Path target : targets) {
                if (stack.contains(target)) {
                    problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_CYCLE, from.path(), include.range(),
                            "include cycle: " + cycleText(target)));
                    continue;
                }
                ConfigFile file = loadIncluded(target, include, from, IncludeResolver.isGlob(pattern));
                if (file == null) {
                    continue;
                }
                if (!reached.contains(file)) {
                    reached.add(file);
                }
                stack.push(target);
                fill(scope, file.tree().root(), file);
                stack.pop();
            }
        }

        private ConfigFile loadIncluded(Path target, Directive include, ConfigFile from, boolean fromGlob) {
            ConfigFile known = files.get(target);
            if (known != null) {
                return known;
            }
            if (!fromGlob && !loader.exists(target) && !isBuffer(target)) {
                problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_NOT_FOUND, from.path(), include.range(),
                        "included file " + target + " not found"));
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
                problems.add(new ModelProblem(ModelProblem.Kind.INCLUDE_UNREADABLE, from.path(), include.range(),
                        "cannot read included file " + target + ": " + e.getMessage()));
                return null;
            }
        }

        private boolean isBuffer(Path target) {
            try {
                loader.load(target);
                return true;
            } catch (IOException e) {
                return false;
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
