package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Statement;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinterTest {

    /** A test rule: flags every {@code flagme} directive, offering to rename it. */
    private static final class FlagMe implements Rule {
        private final Applicability kind;
        private final Applicability declared;

        FlagMe(Applicability kind, Applicability declared) {
            this.kind = kind;
            this.declared = declared;
        }

        @Override
        public RuleMeta meta() {
            return RuleMeta.of("flag-me", Severity.WARNING, "test rule", declared);
        }

        @Override
        public void check(RuleContext context) {
            for (Statement s : context.model().statements()) {
                if (s.name().equals("flagme")) {
                    Fix rename = Fix.of("Rename to fixed", kind,
                            List.of(new FileEdit(s.path(), new TextEdit(s.directive().nameToken().range(), "fixed"))));
                    context.report(s, "flagme is flagged", List.of(), List.of(rename));
                }
            }
        }
    }

    private static ConfigModel model(String text) {
        return ConfigModel.build(new ConfigFile(Path.of("/virtual/test.conf"), SourceText.of(text)),
                ConfigModel.Options.defaults());
    }

    private static List<String> rules(LintResult r) {
        return r.diagnostics().stream().map(d -> d.rule() + "@" + r.model().main().source().lines().line(d.range().start()))
                .collect(Collectors.toList());
    }

    private static Linter linter() {
        return new Linter(List.of(new FlagMe(Applicability.SAFE, Applicability.SAFE)), LintOptions.defaults());
    }

    @Test
    void suppressionsOnTheLineOrTheLineAboveNeedAReason() {
        String text = String.join("\n",
                "flagme 1; # handshake:ignore flag-me -- legacy host, tracked in OPS-12",
                "# handshake:ignore flag-me -- same reason",
                "flagme 2;",
                "# handshake:ignore flag-me",
                "flagme 3;",
                "flagme 4;",
                "# handshake:ignore flag-me -- nothing below to silence",
                "events {}", "");
        LintResult r = linter().lint(model(text));
        assertEquals(List.of("suppression-without-reason@4", "flag-me@5", "flag-me@6", "unused-suppression@7"), rules(r));
    }

    @Test
    void fileLevelSuppression() {
        LintResult r = linter().lint(model("# handshake:ignore-file flag-me -- generated file\nflagme 1;\nflagme 2;\n"));
        assertEquals(List.of(), rules(r));
    }

    @Test
    void disabledRulesAndSeverityOverrides() {
        Linter off = new Linter(List.of(new FlagMe(Applicability.SAFE, Applicability.SAFE)),
                LintOptions.defaults().withDisabled(Set.of("flag-me")));
        assertEquals(List.of(), rules(off.lint(model("flagme 1;\n"))));
        Linter loud = new Linter(List.of(new FlagMe(Applicability.SAFE, Applicability.SAFE)),
                LintOptions.defaults().withSeverities(Map.of("flag-me", Severity.ERROR)));
        assertEquals(Severity.ERROR, loud.lint(model("flagme 1;\n")).diagnostics().get(0).severity());
    }

    @Test
    void aRuleEmittingAnUndeclaredFixKindFailsAsAnInternalErrorNamingIt() {
        Linter liar = new Linter(List.of(new FlagMe(Applicability.UNSAFE, Applicability.SAFE)), LintOptions.defaults());
        List<Diagnostic> found = liar.lint(model("flagme 1;\n")).diagnostics();
        assertEquals(List.of(Linter.INTERNAL_ERROR), found.stream().map(Diagnostic::rule).toList());
        assertTrue(found.get(0).message().contains("flag-me"), found.get(0).message());
        assertTrue(found.get(0).message().contains("does not declare"), found.get(0).message());
    }

    /** A rule that throws (or overflows the stack) on every input. */
    private static final class Throwing implements Rule {
        private final RuntimeException failure;

        Throwing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public RuleMeta meta() {
            return RuleMeta.of("always-throws", Severity.ERROR, "test rule");
        }

        @Override
        public void check(RuleContext context) {
            if (failure == null) {
                throw new StackOverflowError("deep");
            }
            throw failure;
        }
    }

    @Test
    void aThrowingRuleBecomesAnInternalErrorAndTheOtherRulesFindingsStay() {
        for (RuntimeException failure : new RuntimeException[] {
                new NullPointerException("boom"), new IllegalStateException("broken"), null}) {
            Linter linter = new Linter(List.of(new Throwing(failure),
                    new FlagMe(Applicability.SAFE, Applicability.SAFE)), LintOptions.defaults());
            LintResult result = linter.lint(model("flagme 1;\nflagme 2;\n"));
            assertEquals(List.of("flag-me@1", "flag-me@2", "internal-error@1"), rules(result).stream().sorted().toList());
            Diagnostic internal = result.of(Linter.INTERNAL_ERROR).get(0);
            assertTrue(internal.message().contains("always-throws"), internal.message());
        }
    }

    @Test
    void everyFindingCanBeSuppressedWithAReasonAsAFix() {
        LintResult r = linter().lint(model("events {\n    flagme 1;\n}\n"));
        Fix suppress = r.diagnostics().get(0).fixes().get(1);
        assertEquals(Applicability.NEEDS_INPUT, suppress.applicability());
        List<FileEdit> edits = suppress.edits(Map.of("reason", "kept for the old client"));
        String after = TextEdit.apply(r.model().main().text(), List.of(edits.get(0).edit()));
        assertEquals("events {\n    # handshake:ignore flag-me -- kept for the old client\n    flagme 1;\n}\n", after);
        LintResult again = linter().lint(model(after));
        assertEquals(List.of(), rules(again));
    }

    @Test
    void includedFilesReportOncePerPlaceNotOncePerInclusion() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("lint");
        java.nio.file.Files.writeString(dir.resolve("shared.conf"), "flagme 1;\n");
        java.nio.file.Files.writeString(dir.resolve("nginx.conf"),
                "http { server { include shared.conf; } server { include shared.conf; } }\n");
        LintResult r = linter().lint(ConfigModel.load(dir.resolve("nginx.conf"), ConfigModel.Options.defaults()));
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).file().endsWith("shared.conf"));
    }

    @Test
    void fixingAppliesEditsAndIsIdempotent() {
        ConfigModel m = model("flagme 1;\nflagme 2;\n");
        FixApplier.Outcome once = FixApplier.fixUntilStable(m, linter(), FixApplier.standardPolicy(Set.of(), Map.of()));
        assertEquals("fixed 1;\nfixed 2;\n", once.changed().get(m.main().path()));
        assertEquals(2, once.fixesApplied());
        FixApplier.Outcome twice = FixApplier.fixUntilStable(once.result().model(), linter(),
                FixApplier.standardPolicy(Set.of(), Map.of()));
        assertTrue(!twice.changedAnything());
    }
}
