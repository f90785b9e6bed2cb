package dev.handshake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings over several main files: a file they share reports once, each main file's own findings all stay. */
class CheckResultsTest {

    @TempDir
    Path dir;

    private CheckResults check(Path... mains) throws IOException {
        CheckResults results = new CheckResults(new PathStyle(dir));
        for (Path main : mains) {
            results.add(main, Linter.standard().lint(ConfigModel.load(main, ConfigModel.Options.defaults())));
        }
        return results;
    }

    private static long in(List<Diagnostic> findings, Path file) {
        return findings.stream().filter(d -> d.file().equals(file)).count();
    }

    private static List<Diagnostic.Identity> identities(List<Diagnostic> findings) {
        return findings.stream().map(Diagnostic::identity).toList();
    }

    @Test
    void aSharedIncludeReportsOnceAndEachMainFileKeepsItsOwnFindings() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.conf"), "sharedtypo1;\nsharedtypo2;\n");
        Path a = Files.writeString(dir.resolve("a.conf"), "include shared.conf;\natypo;\natypo;\n");
        Path b = Files.writeString(dir.resolve("b.conf"), "include shared.conf;\nbtypo;\n");
        Path c = Files.writeString(dir.resolve("c.conf"), "include shared.conf;\ninclude shared.conf;\n");

        List<Diagnostic> findings = check(a, b, c).findings();

        assertEquals(2, in(findings, shared), findings.toString());
        assertEquals(2, in(findings, a), "two findings on two lines of a.conf are two findings");
        assertEquals(1, in(findings, b));
        assertEquals(5, findings.size());
    }

    @Test
    void theSameMainFileTwiceAddsNothingTheSecondTime() throws IOException {
        Path a = Files.writeString(dir.resolve("a.conf"), "atypo;\nbtypo;\n");
        assertEquals(identities(check(a).findings()), identities(check(a, a).findings()));
    }
}
