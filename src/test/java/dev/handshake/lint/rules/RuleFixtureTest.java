package dev.handshake.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Snapshots;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import dev.handshake.nginx.ScopeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule fixture {@code src/test/resources/fixtures/<rule-id>/<case>.conf}: the findings are
 * rendered by {@link FindingSnapshot} and compared with {@code <case>.snap} (see {@link Snapshots}:
 * {@code -Dsnapshots.update=true} writes them, and the test then fails naming what it wrote), and
 * {@code <case>.fixed.conf}, when present, is the exact text after fixing.
 *
 * <p>The snapshot's hand-written header (above the {@code ---} line) holds notes and settings:
 * {@code # context: server}, {@code # inputs: sni-name=a.example trusted-ca=/ca.pem} (values for
 * needs-input fixes), {@code # rules: other-rule another-rule} (further rules whose findings are shown
 * too; the fixture directory's rule always is), {@code # fix-leaves-findings}, {@code # nginx: plus} and
 * {@code # nginx-version: 1.22.1} (the nginx the config is for; default open-source, no version). Other
 * {@code #} lines are comments. {@code no findings} means the rules must stay silent.
 *
 * <p>With a {@code .fixed.conf}: fixes for the compared rules are applied (safe ones, and needs-input
 * ones whose inputs the header gives); the main file must then equal it exactly, re-checking must
 * find none of the compared rules' findings and no new error, and fixing again must change nothing.
 */
class RuleFixtureTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Snapshots.forEachInput("fixtures", 2, name -> !name.endsWith(".fixed.conf"), RuleFixtureTest::run);
    }

    private static void run(Snapshots.Input input) throws IOException {
        Path conf = input.file();
        String snapshot = input.snapshot();
        String rule = conf.getParent().getFileName().toString();
        assertTrue(Rules.meta(rule).isPresent(), "fixture folder " + rule + " names no rule of Rules.all()");
        Settings settings = Settings.read(Snapshots.header(snapshot), rule);
        ConfigModel.Options options = ConfigModel.Options.defaults();
        if (settings.context != null) {
            options = options.withContext(settings.context);
        }
        ConfigModel model = ConfigModel.load(conf, options);
        Linter linter = new Linter(Rules.all(), LintOptions.defaults().withTarget(settings.target));
        LintResult result = linter.lint(model);
        Path main = model.main().path();

        List<Diagnostic> crashes = result.diagnostics().stream().filter(d -> d.rule().equals(Linter.INTERNAL_ERROR)).toList();
        assertEquals(List.of(), crashes, "a rule failed on this fixture");
        List<Diagnostic> compared = result.diagnostics().stream().filter(d -> settings.rules.contains(d.rule())).toList();
        Snapshots.assertMatches(snapshot, new FindingSnapshot(model, conf.getParent(), settings.inputs).render(compared),
                RuleFixtureTest.class.getSimpleName());

        Path fixedFile = Path.of(conf.toString().replaceAll("\\.conf$", ".fixed.conf"));
        if (!Files.exists(fixedFile)) {
            return;
        }
        FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, linter,
                FixApplier.standardPolicy(settings.rules, settings.inputs));
        String fixedText = outcome.changed().getOrDefault(main, model.main().text());
        assertEquals(Files.readString(fixedFile, StandardCharsets.UTF_8), fixedText, "fixed text of " + conf.getFileName());
        for (Diagnostic d : outcome.result().diagnostics()) {
            assertFalse(settings.rules.contains(d.rule()) && !settings.remainingAllowed,
                    "still reported after fixing: " + d.rule() + " " + d.message());
        }
        long errorsBefore = result.count(Severity.ERROR);
        long newErrors = outcome.result().diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> result.diagnostics().stream().noneMatch(o -> o.rule().equals(d.rule())))
                .count();
        assertEquals(0, newErrors, "fixing added errors (before: " + errorsBefore + "): " + outcome.result().diagnostics());
        FixApplier.Outcome again = FixApplier.fixUntilStable(outcome.result().model(), linter,
                FixApplier.standardPolicy(settings.rules, settings.inputs));
        assertFalse(again.changedAnything(), "fixing twice changed the text again: " + again.changed());
    }

    /** The settings in a snapshot's header. */
    private static final class Settings {
        final Set<String> rules = new LinkedHashSet<>();
        final Map<String, String> inputs = new HashMap<>();
        ScopeKind context;
        boolean remainingAllowed;
        NginxTarget target = NginxTarget.defaults();

        static Settings read(String header, String rule) {
            Settings e = new Settings();
            e.rules.add(rule);
            for (String raw : header.split("\n")) {
                String line = raw.strip();
                if (!line.startsWith("#")) {
                    continue;
                }
                String setting = line.substring(1).strip();
                if (setting.startsWith("context:")) {
                    e.context = ScopeKind.fromLabel(setting.substring(8).strip());
                } else if (setting.startsWith("inputs:")) {
                    for (String pair : setting.substring(7).strip().split("\\s+")) {
                        String[] kv = pair.split("=", 2);
                        e.inputs.put(kv[0], kv[1]);
                    }
                } else if (setting.startsWith("rules:")) {
                    e.rules.addAll(List.of(setting.substring(6).strip().split("\\s+")));
                } else if (setting.startsWith("nginx:")) {
                    e.target = new NginxTarget(NginxEdition.of(setting.substring(6).strip()).orElseThrow(), e.target.version());
                } else if (setting.startsWith("nginx-version:")) {
                    e.target = new NginxTarget(e.target.edition(), NginxVersion.parse(setting.substring(14).strip()).orElseThrow());
                } else if (setting.equals("fix-leaves-findings")) {
                    e.remainingAllowed = true;
                }
            }
            return e;
        }
    }
}
