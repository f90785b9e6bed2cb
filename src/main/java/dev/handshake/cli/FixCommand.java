package dev.handshake.cli;

import dev.handshake.diff.TextDiff;
import dev.handshake.io.AtomicWriter;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.FixInputs;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.report.CheckResults;
import dev.handshake.report.TextReport;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fix}: applies safe fixes, and fixes whose inputs were given, until the result is stable; then
 * prints a unified diff ({@code --dry-run}, the default), writes the files atomically ({@code --write}),
 * writes the patched main file elsewhere ({@code --output FILE}) or prints it ({@code --output -}). The
 * operand {@code -} fixes a config read from standard input and never writes a file. Findings left unfixed are named on
 * standard error with the reason; the exit code is {@code check}'s on the fixed result.
 */
final class FixCommand {

    private final Main main;
    /** Disk texts of the files changed, by normalised path, in the order they changed. */
    private final Map<Path, SourceText> originals = new LinkedHashMap<>();
    /** Fixed texts; later main files see the changes earlier ones made to shared includes. */
    private final Map<Path, SourceText> fixed = new LinkedHashMap<>();
    private int applied;
    /** Findings whose fix was kept out of a block with a syntax error, and the reason. */
    private final Map<Diagnostic.Identity, String> skipped = new java.util.HashMap<>();
    /** The main file came from standard input, where {@code --write} is refused. */
    private boolean fromStdin;

    FixCommand(Main main) {
        this.main = main;
    }

    int run(List<String> rest, InputStream in, PrintStream out, PrintStream err) throws UsageException {
        Set<String> valued = new HashSet<>(Session.VALUED);
        valued.addAll(Set.of("--rule", "--sni-name", "--trusted-ca", "--output", InputSources.STDIN_FILENAME));
        Arguments args = Arguments.parse(rest, valued, Set.of("--dry-run", "--write"));
        int modes = (args.has("--dry-run") ? 1 : 0) + (args.has("--write") ? 1 : 0) + (args.has("--output") ? 1 : 0);
        if (modes > 1) {
            throw new UsageException("choose one of --dry-run, --write and --output");
        }
        String outputName = args.value("--output", null);
        boolean toStdout = InputSources.STDIN.equals(outputName);
        fromStdin = InputSources.readsStdin(args);
        if (fromStdin && (args.has("--write") || outputName != null && !toStdout)) {
            throw new UsageException("fix - never writes files: it prints the diff, or the fixed text with --output -");
        }
        Session session = Session.from(args, main.paths(), main.rules(), main.knownRuleIds());
        Set<String> selected = new LinkedHashSet<>();
        for (String rule : args.values("--rule")) {
            selected.add(Session.checkRule(rule, main.knownRuleIds()));
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String sni : args.values("--sni-name")) {
            putSniName(inputs, sni);
        }
        putInput(inputs, FixInput.Key.TRUSTED_CA, args.value("--trusted-ca", null));
        InputSources.Sources sources = fromStdin
                ? InputSources.stdin(args, in, main.paths(), Session.disk())
                : new InputSources.Sources(session.inputs(args.operands()), Session.disk());
        List<Session.Input> mains = sources.inputs();
        Path output = outputName != null && !toStdout ? main.paths().absolute(Path.of(outputName)) : null;
        if (outputName != null && mains.size() != 1) {
            throw new UsageException("--output takes exactly one input file, not " + mains.size());
        }

        CheckResults results = fixEach(session, mains, FixApplier.standardPolicy(selected, inputs), sources.loader(), err);
        if (output != null || toStdout) {
            List<String> others = new java.util.ArrayList<>();
            for (Path p : originals.keySet()) {
                if (!p.equals(mains.get(0).path())) {
                    others.add(main.paths().display(p));
                }
            }
            if (!others.isEmpty()) {
                err.println(Main.NAME + ": --output writes only the main file, but the fixes also change "
                        + String.join(", ", others) + "; nothing written ("
                        + (fromStdin ? "run fix on those files" : "use --write, or --dry-run to see the diff") + ")");
                return 2;
            }
        }
        boolean written = false;
        try {
            if (toStdout && !results.hasFailures()) {
                printFixed(mains.get(0).path(), sources.loader(), out, err);
            } else if (output != null && !results.hasFailures()) {
                written = writeOutput(mains.get(0).path(), output, sources.loader(), err);
            } else if (args.has("--write")) {
                written = writeAll(err);
            } else if (outputName == null) {
                printDiff(out);
            }
        } catch (IOException e) {
            err.println(Main.NAME + ": cannot write: " + e.getMessage());
            return 2;
        }
        reportUnfixed(results, selected, inputs, skipped, err);
        err.println((written ? "applied " : "would apply ") + applied + (applied == 1 ? " fix" : " fixes")
                + " in " + originals.size() + (originals.size() == 1 ? " file" : " files")
                + "; left: " + results.counts());
        out.flush();
        return CheckCommand.exitCode(results, session);
    }

    /** Fixes each main file in turn (later ones see earlier changes); returns what is left. */
    private CheckResults fixEach(Session session, List<Session.Input> mains, FixApplier.Policy policy,
                                 SourceLoader sources, PrintStream err) {
        CheckResults results = new CheckResults(session.paths());
        SourceLoader loader = SourceLoader.overlay(fixed, sources);
        for (Session.Input input : mains) {
            String error = input.error();
            if (error == null) {
                try {
                    FixApplier.Outcome outcome = FixApplier.fixUntilStable(session.load(input.path(), loader),
                            session.linter(), policy);
                    record(outcome);
                    results.add(input.path(), outcome.result());
                    continue;
                } catch (IOException e) {
                    error = session.readError(input.path(), e);
                } catch (UncheckedIOException e) {
                    error = session.readError(input.path(), e.getCause());
                } catch (RuntimeException bug) {
                    error = main.paths().display(input.path()) + ": could not fix this file: " + bug;
                }
            }
            results.addFailure(input.path(), error);
            err.println(Main.NAME + ": " + error);
        }
        return results;
    }

    /**
     * {@code --sni-name NAME} (for a fix with one target) or {@code --sni-name TARGET=NAME}, TARGET being
     * the {@code *_pass} host or group as written; repeatable, once per target.
     */
    private static void putSniName(Map<String, String> inputs, String value) throws UsageException {
        FixInput.Key key = FixInput.Key.SNI_NAME;
        int equals = value.indexOf('=');
        if (equals < 0) {
            if (inputs.containsKey(key.id())) {
                throw new UsageException("--sni-name NAME is given twice: for several targets, give"
                        + " --sni-name TARGET=NAME once per target");
            }
            putInput(inputs, key, value);
            return;
        }
        String target = value.substring(0, equals).strip();
        if (target.isEmpty()) {
            throw new UsageException("--sni-name " + value + ": TARGET=NAME needs the proxy_pass host or group before '='");
        }
        String id = FixInput.idFor(key, target);
        if (inputs.containsKey(id)) {
            throw new UsageException("--sni-name " + target + "=... is given twice");
        }
        Map<String, String> one = new LinkedHashMap<>();
        putInput(one, key, value.substring(equals + 1));
        inputs.put(id, one.get(key.id()));
    }

    private static void putInput(Map<String, String> inputs, FixInput.Key key, String value) throws UsageException {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new UsageException("--" + key.id() + " needs a value");
        }
        Optional<String> problem = FixInputs.problem(key, value);
        if (problem.isPresent()) {
            throw new UsageException("--" + key.id() + " " + value + ": " + problem.get());
        }
        inputs.put(key.id(), value);
    }

    private void record(FixApplier.Outcome outcome) {
        applied += outcome.fixesApplied();
        for (FixApplier.Unfixed left : outcome.skipped()) {
            skipped.put(left.diagnostic().identity(), left.reason());
        }
        for (Map.Entry<Path, String> change : outcome.changed().entrySet()) {
            SourceText before = outcome.originals().get(change.getKey());
            originals.putIfAbsent(change.getKey(), before);
            fixed.put(change.getKey(), before.withText(change.getValue()));
        }
    }

    /** Prints the unified diff of every changed file. */
    private void printDiff(PrintStream out) {
        for (Map.Entry<Path, SourceText> e : originals.entrySet()) {
            String label = main.paths().display(e.getKey()).replaceFirst("^/+", "");
            out.print(TextDiff.between(e.getValue().text(), fixed.get(e.getKey()).text())
                    .unified("a/" + label, "b/" + label));
        }
    }

    private boolean writeAll(PrintStream err) throws IOException {
        // All files or none: every fixed file is prepared first, and nothing is renamed when one fails or
        // was changed on disk since it was read.
        Map<Path, byte[]> contents = new java.util.LinkedHashMap<>();
        Map<Path, byte[]> expected = new java.util.LinkedHashMap<>();
        for (Map.Entry<Path, SourceText> e : originals.entrySet()) {
            String text = fixed.get(e.getKey()).text();
            if (!e.getValue().canEncode(text)) {
                throw new IOException(main.paths().display(e.getKey()) + " is " + e.getValue().charset().name()
                        + " and the fix adds characters it cannot hold; nothing was written");
            }
            contents.put(e.getKey(), e.getValue().encode(text));
            expected.put(e.getKey(), e.getValue().encode());
        }
        AtomicWriter.withoutBackup().writeAll(contents, expected);
        for (Path file : contents.keySet()) {
            err.println("fixed " + main.paths().display(file));
        }
        return true;
    }

    private boolean writeOutput(Path mainFile, Path output, SourceLoader sources, PrintStream err) throws IOException {
        SourceText source = fixed.containsKey(mainFile) ? fixed.get(mainFile) : sources.load(mainFile);
        AtomicWriter.withoutBackup().write(output, source.encode());
        err.println("wrote " + main.paths().display(output));
        return true;
    }

    /** {@code --output -}: the fixed main file's bytes (its encoding and line endings kept) on standard output. */
    private void printFixed(Path mainFile, SourceLoader sources, PrintStream out, PrintStream err) throws IOException {
        SourceText source = fixed.containsKey(mainFile) ? fixed.get(mainFile) : sources.load(mainFile);
        out.write(source.encode());
    }

    private static void reportUnfixed(CheckResults results, Set<String> selected, Map<String, String> inputs,
                                      Map<Diagnostic.Identity, String> skipped, PrintStream err) {
        for (Diagnostic d : results.findings()) {
            String why = !selected.isEmpty() && !selected.contains(d.rule()) ? "not selected by --rule"
                    : skipped.getOrDefault(d.identity(), FixApplier.whyUnfixed(d, inputs));
            err.println(TextReport.line(results, d) + " (not fixed: " + why + ")");
        }
    }
}
