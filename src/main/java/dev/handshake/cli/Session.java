package dev.handshake.cli;

import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.report.PathStyle;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code check}, {@code fix} and {@code parse} share: the options that shape loading and linting
 * ({@code --context}, {@code --map-path}, {@code --disable}, {@code --directive}, {@code --fail-on},
 * {@code --nginx}, {@code --nginx-version}), turning operands into
 * main files, and loading each one with its includes.
 */
final class Session {

    static final Set<String> VALUED = Set.of("--context", "--map-path", "--disable", "--directive", "--fail-on",
            "--nginx", "--nginx-version");

    /** One main file to analyse, or a path that cannot be one, with the one-line reason. */
    record Input(Path path, String error) {
    }

    private final PathStyle paths;
    private final Linter linter;
    private final ConfigModel.Options options;
    private final Severity failOn;

    private Session(PathStyle paths, Linter linter, ConfigModel.Options options, Severity failOn) {
        this.paths = paths;
        this.linter = linter;
        this.options = options;
        this.failOn = failOn;
    }

    static Session from(Arguments args, PathStyle paths, List<Rule> rules, Set<String> knownRules)
            throws UsageException {
        ConfigModel.Options options = ConfigModel.Options.defaults();
        String context = args.value("--context", null);
        if (context != null) {
            options = options.withContext(switch (args.choice("--context", null, List.of("http", "server", "location"))) {
                case "http" -> ScopeKind.HTTP;
                case "server" -> ScopeKind.SERVER;
                default -> ScopeKind.LOCATION;
            });
        }
        Map<String, Path> mappings = new LinkedHashMap<>();
        for (String mapping : args.values("--map-path")) {
            int equals = mapping.indexOf('=');
            if (equals <= 0 || equals == mapping.length() - 1) {
                throw new UsageException("--map-path wants FROM=TO, not \"" + mapping + "\"");
            }
            mappings.put(mapping.substring(0, equals), paths.absolute(Path.of(mapping.substring(equals + 1))));
        }
        options = options.withPathMappings(mappings);
        Set<String> disabled = new LinkedHashSet<>();
        for (String rule : args.values("--disable")) {
            disabled.add(checkRule(rule, knownRules));
        }
        Severity failOn = Severity.fromLabel(args.choice("--fail-on", "error", List.of("error", "warning")));
        Set<String> thirdParty = new LinkedHashSet<>(args.values("--directive"));
        Linter linter = new Linter(rules, LintOptions.defaults().withDisabled(disabled).withExtraDirectives(thirdParty)
                .withTarget(target(args)));
        return new Session(paths, linter, options, failOn);
    }

    /** The nginx {@code --nginx} and {@code --nginx-version} name: open-source nginx, no version, by default. */
    static NginxTarget target(Arguments args) throws UsageException {
        NginxEdition edition = NginxEdition.of(args.choice("--nginx", NginxEdition.OSS.label(),
                List.of(NginxEdition.OSS.label(), NginxEdition.PLUS.label()))).orElseThrow();
        String written = args.value("--nginx-version", null);
        if (written == null) {
            return new NginxTarget(edition, null);
        }
        NginxVersion version = NginxVersion.parse(written).orElseThrow(() -> new UsageException(
                "--nginx-version wants a version such as 1.22.1 (three numbers), not \"" + written + "\""));
        return new NginxTarget(edition, version);
    }

    /** {@code rule} when it is a known id; otherwise a usage error with a suggestion. */
    static String checkRule(String rule, Set<String> knownRules) throws UsageException {
        if (!knownRules.contains(rule)) {
            throw new UsageException("unknown rule " + rule + Suggestions.didYouMean(rule, knownRules));
        }
        return rule;
    }

    PathStyle paths() {
        return paths;
    }

    Linter linter() {
        return linter;
    }

    Severity failOn() {
        return failOn;
    }

    /**
     * The main files the operands name: files as given, directories as their {@code *.conf} files
     * (recursively, sorted); a directory without any is an input error.
     */
    List<Input> inputs(List<String> operands) throws UsageException {
        if (operands.isEmpty()) {
            throw new UsageException("no PATH given");
        }
        Map<Path, Input> found = new LinkedHashMap<>();
        for (String operand : operands) {
            Path path = paths.absolute(Path.of(operand));
            if (!Files.isDirectory(path)) {
                found.putIfAbsent(path, new Input(path, null));
                continue;
            }
            List<Path> confs;
            try (Stream<Path> walk = Files.walk(path)) {
                confs = walk.filter(p -> p.getFileName().toString().endsWith(".conf"))
                        .filter(Files::isRegularFile)
                        .map(p -> p.toAbsolutePath().normalize())
                        .sorted()
                        .collect(Collectors.toList());
            } catch (IOException | UncheckedIOException e) {
                found.putIfAbsent(path, new Input(path, paths.display(path) + ": cannot list the directory"));
                continue;
            }
            if (confs.isEmpty()) {
                found.putIfAbsent(path, new Input(path, paths.display(path) + ": no *.conf files in this directory"));
            }
            for (Path conf : confs) {
                found.putIfAbsent(conf, new Input(conf, null));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Loads {@code main} and its includes through {@code loader}. */
    ConfigModel load(Path main, SourceLoader loader) throws IOException {
        SourceText text = loader.load(main);
        return ConfigModel.build(new ConfigFile(main, text), options.withLoader(loader));
    }

    /** Reads files from disk with the checks of {@link SourceFiles#read}. */
    static SourceLoader disk() {
        return SourceFiles::read;
    }

    /** The one-line message for a file that could not be read, naming it as shown. */
    String readError(Path path, IOException e) {
        String shown = paths.display(path);
        if (e instanceof SourceReadException sre) {
            String message = sre.getMessage();
            String prefix = sre.path() + ": ";
            return shown + ": " + (message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
        return shown + ": cannot be read (" + e.getClass().getSimpleName() + ")";
    }
}
