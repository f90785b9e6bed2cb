package dev.handshake.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.bench.ConfigGenerator.Shape;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards linear growth by shape, never by time: for each generated shape, four times the config must
 * give at most about four times the findings and related entries, and no finding lists more than a
 * capped number of related places.
 */
class ScalingShapeTest {

    private static final int BASE_LINES = 2_000;
    /** Four times the input; the slack covers the fixed part (http block, shared upstream). */
    private static final double LINEAR = 4.5;
    /** Ten related places plus the "and N more" entry. */
    private static final int RELATED_CAP = 11;

    /** Findings and related entries of one analysis. */
    private record Counts(int findings, long related, int largestRelated) {
        static Counts of(LintResult result) {
            long related = 0;
            int largest = 0;
            for (Diagnostic d : result.diagnostics()) {
                related += d.related().size();
                largest = Math.max(largest, d.related().size());
            }
            return new Counts(result.diagnostics().size(), related, largest);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"SHARED_UPSTREAM", "UPSTREAM_PER_SERVER", "VERIFY_OFF",
            "VARIABLE_SCHEME", "NO_TLS", "TINY_DIRECTIVES"})
    void findingsAndRelatedGrowLinearly(Shape shape) {
        Counts small = lint(shape, BASE_LINES);
        Counts large = lint(shape, 4 * BASE_LINES);
        assertLinear(shape.cliName(), small, large);
    }

    @Test
    void sharedUpstreamFindingsKeepRelatedCapped() {
        Counts counts = lint(Shape.SHARED_UPSTREAM, 4 * BASE_LINES);
        assertTrue(counts.findings() > 100, "the shared upstream shape diverges in every location: " + counts);
        assertTrue(counts.largestRelated() == RELATED_CAP,
                "every finding lists the cap and then 'and N more': " + counts);
    }

    @Test
    void includeTreeGrowsLinearly(@TempDir Path dir) throws IOException {
        Counts small = lint(ConfigGenerator.writeIncludeTree(dir.resolve("small"), 100));
        Counts large = lint(ConfigGenerator.writeIncludeTree(dir.resolve("large"), 400));
        assertLinear("include-tree", small, large);
    }

    private static void assertLinear(String shape, Counts small, Counts large) {
        assertTrue(large.findings() <= LINEAR * small.findings(), shape + " findings: " + small + " -> " + large);
        assertTrue(large.related() <= LINEAR * small.related(), shape + " related: " + small + " -> " + large);
        assertTrue(large.largestRelated() <= RELATED_CAP, shape + " related per finding: " + large);
    }

    private static Counts lint(Shape shape, int lines) {
        Path file = Path.of("/generated/" + shape.cliName() + ".conf");
        ConfigModel model = ConfigModel.build(new ConfigFile(file, SourceText.of(ConfigGenerator.generate(shape, lines))),
                ConfigModel.Options.defaults());
        return Counts.of(Linter.standard().lint(model));
    }

    private static Counts lint(Path main) throws IOException {
        return Counts.of(Linter.standard().lint(ConfigModel.load(main, ConfigModel.Options.defaults())));
    }
}
