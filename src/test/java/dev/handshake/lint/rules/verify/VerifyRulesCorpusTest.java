package dev.handshake.lint.rules.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Severity;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole linter over every corpus file: nothing throws, no rule fails, each verification
 * finding's first fix removes a finding without adding an error, and the findings are counted per
 * rule and per corpus folder (printed, for the notes).
 */
class VerifyRulesCorpusTest {

    private static final List<String> RULES = List.of("upstream-verify-off", "upstream-verify-without-ca",
            "upstream-client-cert-incomplete", "upstream-legacy-tls-protocols", "upstream-tls-settings-diverge");

    @Test
    void lintsTheWholeCorpusAndCountsFlaggedFiles() throws Exception {
        Linter linter = Linter.standard();
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Set<String>>> flagged = new TreeMap<>();
        Map<String, Integer> filesPerFolder = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        List<Path> files = Corpus.confFiles();
        for (Path file : files) {
            String name = Corpus.relative(file);
            String folder = name.substring(0, name.indexOf('/'));
            filesPerFolder.merge(folder, 1, Integer::sum);
            LintResult result;
            try {
                result = linter.lint(ConfigModel.load(file, ConfigModel.Options.defaults()));
            } catch (RuntimeException e) {
                failures.add(name + ": " + e);
                continue;
            }
            for (Diagnostic d : result.diagnostics()) {
                if (d.rule().equals(Linter.INTERNAL_ERROR)) {
                    failures.add(name + ": " + d.message());
                }
                if (RULES.contains(d.rule())) {
                    checkFirstFix(linter, result, d).ifPresent(problem -> failures.add(name + ": " + problem));
                    flagged.computeIfAbsent(d.rule(), k -> new TreeMap<>())
                            .computeIfAbsent(folder, k -> new TreeSet<>()).add(name);
                    findings.merge(d.rule() + " " + d.severity().label(), 1, Integer::sum);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(files.size() > 900, "expected the whole corpus, found " + files.size());

        StringBuilder table = new StringBuilder("flagged files per rule and corpus folder (files in folder):\n");
        for (String rule : RULES) {
            Map<String, Set<String>> byFolder = flagged.getOrDefault(rule, Map.of());
            int total = byFolder.values().stream().mapToInt(Set::size).sum();
            table.append(String.format("  %-32s %4d files", rule, total));
            byFolder.forEach((folder, names) -> table.append(String.format("  %s %d/%d", folder, names.size(),
                    filesPerFolder.get(folder))));
            table.append('\n');
        }
        table.append("findings by rule and severity: ").append(findings).append('\n');
        if (Boolean.getBoolean("handshake.corpus.list")) {
            flagged.forEach((rule, byFolder) -> byFolder.forEach((folder, names) ->
                    names.forEach(n -> table.append("  ").append(rule).append(' ').append(n).append('\n'))));
        }
        System.out.print(table);
    }

    /**
     * Applies the finding's first fix (inputs at their best suggestion) and re-lints: the rule must
     * report fewer findings, no rule may report an error it did not report before, and no fix may
     * write {@code *_ssl_verify off}.
     */
    private static Optional<String> checkFirstFix(Linter linter, LintResult before, Diagnostic d) throws IOException {
        Fix fix = d.fixes().get(0);
        Map<Path, List<TextEdit>> byFile = new HashMap<>();
        Map<String, String> inputs = new HashMap<>();
        for (dev.handshake.lint.FixInput input : fix.inputs()) {
            // an SNI name with no suggestion in the file (a group of IPs): any valid name will do here
            inputs.put(input.key(), input.suggestion() != null ? input.suggestion() : "upstream.test");
        }
        for (FileEdit e : fix.inputs().isEmpty() ? fix.edits() : fix.edits(inputs)) {
            if (e.edit().newText().matches("(?s).*_ssl_verify\\s+off.*")) {
                return Optional.of(fix.title() + " writes verify off");
            }
            byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.edit());
        }
        Map<Path, SourceText> changed = new HashMap<>();
        for (Map.Entry<Path, List<TextEdit>> e : byFile.entrySet()) {
            SourceText source = before.model().file(e.getKey()).orElseThrow().source();
            changed.put(e.getKey(), source.withText(TextEdit.apply(source.text(), e.getValue())));
        }
        LintResult after = linter.lint(before.model().rebuild(changed));
        if (after.of(d.rule()).size() >= before.of(d.rule()).size()) {
            return Optional.of(fix.title() + " left " + d.rule() + " as it was");
        }
        Set<String> errorsBefore = new TreeSet<>();
        before.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).forEach(x -> errorsBefore.add(x.rule()));
        for (Diagnostic x : after.diagnostics()) {
            if (x.severity() == Severity.ERROR && !errorsBefore.contains(x.rule())) {
                return Optional.of(fix.title() + " added " + x.rule() + ": " + x.message());
            }
        }
        return Optional.empty();
    }
}
