package dev.handshake.lint;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies fixes as text edits and re-lints until nothing more applies. In one round, a fix whose
 * edits touch the place of an already chosen fix waits for the next round, where it is offered again
 * on the new text if it is still needed; so fixes never collide, and a second run changes nothing.
 */
public final class FixApplier {

    private static final int MAX_ROUNDS = 8;

    /** Chooses the fix to apply to a finding, if any. */
    @FunctionalInterface
    public interface Policy {
        Optional<List<FileEdit>> choose(Diagnostic diagnostic);
    }

    /** A finding left as it was, and why. */
    public record Unfixed(Diagnostic diagnostic, String reason) {
    }

    /**
     * The result: new texts of the files that changed (by path), the originals, the final lint, the
     * number of fixes applied, and the findings of the final lint whose chosen fix was kept out of a
     * block with a syntax error ({@link SyntaxGuard}), with the reason.
     */
    public record Outcome(Map<Path, SourceText> originals, Map<Path, String> changed, LintResult result,
                          int fixesApplied, List<Unfixed> skipped) {

        public Outcome {
            skipped = List.copyOf(skipped);
        }

        public boolean changedAnything() {
            return !changed.isEmpty();
        }
    }

    private FixApplier() {
    }

    /**
     * The standard policy: the first fix that is safe, or that needs input all of which {@code inputs}
     * gives, for findings of {@code rules} (all rules when empty).
     */
    public static Policy standardPolicy(java.util.Set<String> rules, Map<String, String> inputs) {
        return d -> {
            if (!rules.isEmpty() && !rules.contains(d.rule())) {
                return Optional.empty();
            }
            for (Fix fix : d.fixes()) {
                if (fix.applicability() == Applicability.SAFE) {
                    return Optional.of(fix.edits());
                }
                if (fix.applicability() == Applicability.NEEDS_INPUT && !fix.inputs().isEmpty()
                        && fix.hasInputs(inputs)) {
                    return Optional.of(fix.edits(inputs));
                }
            }
            return Optional.empty();
        };
    }

    /** Why {@code policy}-style fixing leaves {@code d} alone: for the CLI's report. */
    public static String whyUnfixed(Diagnostic d, Map<String, String> inputs) {
        List<String> missing = new ArrayList<>();
        List<String> perTarget = new ArrayList<>();
        boolean onlyUnsafe = false;
        for (Fix fix : d.fixes()) {
            if (fix.title().startsWith("Suppress ")) {
                continue;
            }
            if (fix.applicability() == Applicability.UNSAFE) {
                onlyUnsafe = true;
            }
            for (FixInput input : fix.inputs()) {
                if (input.valueIn(inputs) != null) {
                    continue;
                }
                if (input.oneOfSeveral()) {
                    perTarget.add("--" + input.kind().id() + " " + input.target() + "=NAME");
                } else {
                    missing.add("--" + input.key() + (input.suggestion() != null ? " (e.g. " + input.suggestion() + ")" : ""));
                }
            }
        }
        if (!perTarget.isEmpty()) {
            missing.add("a name for each of its targets, which one name never serves: "
                    + String.join(" ", new java.util.LinkedHashSet<>(perTarget)));
        }
        if (!missing.isEmpty()) {
            return "needs " + String.join(" and ", new java.util.LinkedHashSet<>(missing));
        }
        if (onlyUnsafe) {
            return "its fix may change behaviour; apply it in the editor after reviewing the diff";
        }
        return "no automatic fix";
    }

    /** Lints, applies the fixes {@code policy} chooses, and repeats until stable. */
    public static Outcome fixUntilStable(ConfigModel model, Linter linter, Policy policy) {
        Map<Path, SourceText> originals = new LinkedHashMap<>();
        Map<Path, SourceText> current = new LinkedHashMap<>();
        ConfigModel round = model;
        LintResult result = linter.lint(round);
        int applied = 0;
        List<Unfixed> skipped = new ArrayList<>();
        // The last round only finds what the syntax guard keeps out, so that it matches the final lint.
        for (int i = 0; i <= MAX_ROUNDS; i++) {
            Map<Path, List<TextEdit>> chosen = new HashMap<>();
            SyntaxGuard guard = new SyntaxGuard(round);
            skipped.clear();
            int fixesThisRound = 0;
            for (Diagnostic d : result.diagnostics()) {
                Optional<List<FileEdit>> edits = policy.choose(d);
                if (edits.isEmpty() || edits.get().isEmpty()) {
                    continue;
                }
                Optional<String> broken = guard.reason(d, edits.get());
                if (broken.isPresent()) {
                    skipped.add(new Unfixed(d, broken.get()));
                    continue;
                }
                if (i == MAX_ROUNDS || collides(chosen, edits.get())) {
                    continue;
                }
                for (FileEdit e : edits.get()) {
                    chosen.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.edit());
                }
                fixesThisRound++;
            }
            if (chosen.isEmpty()) {
                break;
            }
            for (Map.Entry<Path, List<TextEdit>> e : chosen.entrySet()) {
                ConfigFile file = round.file(e.getKey()).orElseThrow();
                originals.putIfAbsent(file.path(), file.source());
                current.put(file.path(), file.source().withText(TextEdit.apply(file.text(), e.getValue())));
            }
            applied += fixesThisRound;
            try {
                round = round.rebuild(current);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            result = linter.lint(round);
        }
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Map.Entry<Path, SourceText> e : current.entrySet()) {
            if (!e.getValue().text().equals(originals.get(e.getKey()).text())) {
                changed.put(e.getKey(), e.getValue().text());
            }
        }
        return new Outcome(originals, changed, result, applied, skipped);
    }

    /** True when an edit touches (overlaps or abuts) an edit already chosen in the same file. */
    private static boolean collides(Map<Path, List<TextEdit>> chosen, List<FileEdit> edits) {
        for (FileEdit candidate : edits) {
            for (TextEdit taken : chosen.getOrDefault(candidate.file(), List.of())) {
                TextRange a = candidate.edit().range();
                TextRange b = taken.range();
                if (a.start() <= b.end() && b.start() <= a.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
