package dev.handshake.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.text.LineIndex;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule fixture under {@code src/test/resources/fixtures/<rule-id>/}: {@code <case>.conf}
 * is checked, {@code <case>.expected} lists the exact findings, and {@code <case>.fixed.conf}, when
 * present, is the exact text after fixing.
 *
 * <p>{@code .expected} format, one finding a line: {@code RULE LINE:COL-ENDLINE:ENDCOL SEVERITY}
 * (1-based, end exclusive), optionally followed by {@code | text the message contains}. Header lines:
 * {@code # context: server}, {@code # inputs: sni-name=a.example trusted-ca=/ca.pem},
 * {@code # rules: other-rule another-rule} (further rules whose findings are compared too; the
 * fixture directory's rule always is). Other {@code #} lines are comments. An empty list of findings
 * means the rule must stay silent.
 *
 * <p>With a {@code .fixed.conf}: fixes for the compared rules are applied (safe ones, and needs-input
 * ones whose inputs the header gives); the main file must then equal it exactly, re-checking must
 * find none of the compared rules' findings and no new error, and fixing again must change nothing.
 */
class RuleFixtureTest {

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(RuleFixtureTest.class.getResource("/fixtures").toURI());
        List<Path> cases;
        try (Stream<Path> walk = Files.walk(root)) {
            cases = walk.filter(p -> p.toString().endsWith(".conf") && !p.toString().endsWith(".fixed.conf"))
                    .filter(p -> Files.exists(Path.of(p.toString().replaceAll("\\.conf$", ".expected"))))
                    .sorted().collect(Collectors.toList());
        }
        assertFalse(cases.isEmpty(), "no fixtures found under " + root);
        return cases.stream().map(c -> DynamicTest.dynamicTest(root.relativize(c).toString(), () -> run(c)));
    }

    private static void run(Path conf) throws IOException {
        String rule = conf.getParent().getFileName().toString();
        Expectation expected = Expectation.read(Path.of(conf.toString().replaceAll("\\.conf$", ".expected")), rule);
        ConfigModel.Options options = ConfigModel.Options.defaults();
        if (expected.context != null) {
            options = options.withContext(expected.context);
        }
        ConfigModel model = ConfigModel.load(conf, options);
        Linter linter = Linter.standard();
        LintResult result = linter.lint(model);
        Path main = model.main().path();
        LineIndex lines = model.main().source().lines();

        Set<String> actual = new TreeSet<>();
        for (Diagnostic d : result.diagnostics()) {
            if (expected.rules.contains(d.rule())) {
                LineIndex index = model.file(d.file()).map(f -> f.source().lines()).orElse(lines);
                String where = d.file().equals(main) ? "" : d.file().getFileName() + ":";
                actual.add(d.rule() + " " + where + index.line(d.range().start()) + ":" + index.column(d.range().start())
                        + "-" + index.line(d.range().end()) + ":" + index.column(d.range().end()) + " "
                        + d.severity().label());
            }
        }
        assertEquals(String.join("\n", expected.findings), String.join("\n", actual),
                "findings of " + expected.rules + " in " + conf.getFileName());
        for (Map.Entry<String, String> m : expected.messages.entrySet()) {
            boolean found = result.diagnostics().stream().anyMatch(d -> m.getKey().startsWith(d.rule() + " ")
                    && d.message().contains(m.getValue()));
            assertTrue(found, "no " + m.getKey() + " finding whose message contains: " + m.getValue());
        }

        Path fixedFile = Path.of(conf.toString().replaceAll("\\.conf$", ".fixed.conf"));
        if (!Files.exists(fixedFile)) {
            return;
        }
        FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, linter,
                FixApplier.standardPolicy(expected.rules, expected.inputs));
        String fixedText = outcome.changed().getOrDefault(main, model.main().text());
        assertEquals(Files.readString(fixedFile, StandardCharsets.UTF_8), fixedText, "fixed text of " + conf.getFileName());
        for (Diagnostic d : outcome.result().diagnostics()) {
            assertFalse(expected.rules.contains(d.rule()) && !expected.remainingAllowed,
                    "still reported after fixing: " + d.rule() + " " + d.message());
        }
        long errorsBefore = result.count(Severity.ERROR);
        long newErrors = outcome.result().diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> result.diagnostics().stream().noneMatch(o -> o.rule().equals(d.rule())))
                .count();
        assertEquals(0, newErrors, "fixing added errors (before: " + errorsBefore + "): " + outcome.result().diagnostics());
        FixApplier.Outcome again = FixApplier.fixUntilStable(outcome.result().model(), linter,
                FixApplier.standardPolicy(expected.rules, expected.inputs));
        assertFalse(again.changedAnything(), "fixing twice changed the text again: " + again.changed());
    }

    /** The parsed {@code .expected} file. */
    private static final class Expectation {
        final List<String> findings = new ArrayList<>();
        final Map<String, String> messages = new HashMap<>();
        final Set<String> rules = new LinkedHashSet<>();
        final Map<String, String> inputs = new HashMap<>();
        ScopeKind context;
        boolean remainingAllowed;

        static Expectation read(Path file, String rule) throws IOException {
            Expectation e = new Expectation();
            e.rules.add(rule);
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String header = line.substring(1).strip();
                    if (header.startsWith("context:")) {
                        e.context = ScopeKind.fromLabel(header.substring(8).strip());
                    } else if (header.startsWith("inputs:")) {
                        for (String pair : header.substring(7).strip().split("\\s+")) {
                            String[] kv = pair.split("=", 2);
                            e.inputs.put(kv[0], kv[1]);
                        }
                    } else if (header.startsWith("rules:")) {
                        e.rules.addAll(List.of(header.substring(6).strip().split("\\s+")));
                    } else if (header.equals("fix-leaves-findings")) {
                        e.remainingAllowed = true;
                    }
                    continue;
                }
                String[] parts = line.split("\\s*\\|\\s*", 2);
                e.findings.add(parts[0]);
                if (parts.length == 2) {
                    e.messages.put(parts[0], parts[1]);
                }
            }
            e.findings.sort(null);
            return e;
        }
    }
}
