package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.syntax.Token;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property tests over mutated real configs and random bytes: parsing is lossless and never throws;
 * building the model, linting and fixing never throw and never report an internal error; fixing
 * twice changes nothing. The seed is fixed so a failure reproduces; it is printed with the input. Another
 * seed and more runs look further: {@code -Dmutation.seed=S -Dmutation.runs=N} (defaults 20261124, 3,000).
 */
class MutationPropertyTest {

    private static final long SEED = 20261124L;
    private static final String NOISE = "{};\"'#$\\\n\r\t ()~*=^/:_-abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Map<String, String> INPUTS = Map.of(
            FixInput.Key.SNI_NAME.id(), "backend.internal.test", FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/certs/ca.pem");

    private static List<Path> smallCorpusFiles() {
        return TestConfigs.all().stream()
                .filter(p -> Corpus.bytes(p).length < 40_000)
                .collect(Collectors.toList());
    }

    static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
                case 1 -> {
                    for (int k = random.nextInt(6); k >= 0; k--) {
                        out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    }
                }
                case 2 -> {
                    int end = Math.min(out.length(), at + random.nextInt(80));
                    out.insert(at, out.substring(at, end));
                }
                case 3 -> out.insert(at, random.nextBoolean() ? "}" : "{");
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    }
                }
            }
        }
        return out.toString();
    }

    private static void assertLossless(ParseResult result, String text) {
        StringBuilder joined = new StringBuilder();
        int expected = 0;
        for (Token t : result.tree().tokens()) {
            assertEquals(expected, t.start(), "token gap");
            joined.append(text, t.start(), t.end());
            expected = t.end();
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void mutatedCorpusFilesNeverBreakParseLintOrFix() {
        long seed = Long.getLong("mutation.seed", SEED);
        Random random = new Random(seed);
        List<Path> files = smallCorpusFiles();
        Linter linter = Linter.standard();
        int runs = Integer.getInteger("mutation.runs", 3000);
        int fixRuns = 0;
        for (int i = 0; i < runs; i++) {
            Path file = files.get(random.nextInt(files.size()));
            String text = mutate(SourceText.decode(Corpus.bytes(file)).text(), random);
            try {
                ParseResult parsed = Parser.parse(text);
                assertLossless(parsed, text);
                ConfigModel model = ConfigModel.build(new ConfigFile(file, SourceText.of(text), parsed),
                        ConfigModel.Options.defaults());
                LintResult result = linter.lint(model);
                assertFalse(result.diagnostics().stream().anyMatch(d -> d.rule().equals(Linter.INTERNAL_ERROR)),
                        () -> "internal error: " + result.of(Linter.INTERNAL_ERROR));
                for (Diagnostic d : result.diagnostics()) {
                    for (Fix fix : d.fixes()) {
                        fix.edits(INPUTS);
                    }
                }
                if (i % 10 == 0) {
                    fixRuns++;
                    FixApplier.Outcome once = FixApplier.fixUntilStable(model, linter,
                            FixApplier.standardPolicy(Set.of(), INPUTS));
                    FixApplier.Outcome twice = FixApplier.fixUntilStable(once.result().model(), linter,
                            FixApplier.standardPolicy(Set.of(), INPUTS));
                    assertFalse(twice.changedAnything(), "fixing twice changed " + twice.changed().keySet());
                }
            } catch (AssertionError | RuntimeException e) {
                fail("run " + i + " (seed " + seed + ") on a mutation of " + TestConfigs.relative(file) + ":\n" + text, e);
            }
        }
        assertEquals((runs + 9) / 10, fixRuns);
    }

    @Test
    void randomBytesNeverBreakTheParser() {
        Random random = new Random(SEED + 1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            SourceText source = SourceText.decode(bytes);
            try {
                ParseResult parsed = Parser.parse(source.text());
                assertLossless(parsed, source.text());
                ConfigModel model = ConfigModel.build(new ConfigFile(Path.of("/random/nginx.conf"), source, parsed),
                        ConfigModel.Options.defaults());
                Linter.standard().lint(model);
            } catch (AssertionError | RuntimeException e) {
                failures.add(i + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
    }
}
