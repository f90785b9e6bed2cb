package dev.handshake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text report arrives in chunks equal to the whole rendering; results count and de-duplicate in one pass. */
class TextReportStreamingTest {

    private static final int LINES = 3000;
    private static final Path FILE = Path.of("/work/site/many.conf");

    private static LintResult manyFindings() {
        String text = "tiny;\n".repeat(LINES);
        return Linter.standard().lint(ConfigModel.build(new ConfigFile(FILE, SourceText.of(text)),
                ConfigModel.Options.defaults()));
    }

    private static CheckResults results(LintResult... lints) {
        CheckResults results = new CheckResults(new PathStyle(Path.of("/work/site")));
        for (LintResult lint : lints) {
            results.add(FILE, lint);
        }
        return results;
    }

    @Test
    void aLargeReportIsWrittenInSeveralChunksThatJoinToTheRendering() {
        CheckResults results = results(manyFindings());
        List<String> chunks = new ArrayList<>();
        TextReport.write(results, new Appendable() {
            @Override
            public Appendable append(CharSequence csq) {
                chunks.add(csq.toString());
                return this;
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                return append(csq.subSequence(start, end));
            }

            @Override
            public Appendable append(char c) {
                return append(String.valueOf(c));
            }
        });
        String rendered = TextReport.render(results);
        assertTrue(rendered.length() > 2 * TextReport.CHUNK, "the fixture must exceed two chunks");
        assertTrue(chunks.size() >= 2, "written in pieces, not one document: " + chunks.size());
        for (String chunk : chunks) {
            assertTrue(chunk.length() < TextReport.CHUNK + 1024, "a chunk stays near the chunk size: " + chunk.length());
        }
        assertEquals(rendered, String.join("", chunks));
        List<Diagnostic> findings = results.findings();
        String[] lines = rendered.split("\n");
        assertEquals(findings.size(), lines.length);
        assertEquals(TextReport.line(results, findings.get(0)), lines[0]);
        assertEquals(TextReport.line(results, findings.get(findings.size() - 1)), lines[lines.length - 1]);
        assertTrue(lines[LINES - 1].startsWith("many.conf:" + LINES + ":1: warning: "), lines[LINES - 1]);
    }

    @Test
    void countsAreByFindingAndTheSameFindingTwiceCountsOnce() {
        LintResult lint = manyFindings();
        long warnings = lint.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        assertTrue(warnings >= LINES, "one unknown directive per line: " + warnings);
        CheckResults twice = results(lint, lint);
        assertEquals(lint.diagnostics().size(), twice.findings().size());
        assertEquals(warnings, twice.count(Severity.WARNING));
        assertEquals(0, twice.count(Severity.ERROR));
        assertTrue(twice.has(Severity.WARNING));
        assertTrue(twice.has(Severity.INFO));
        assertFalse(twice.has(Severity.ERROR));
        assertTrue(twice.summary().contains(warnings + " warnings"), twice.summary());
    }

    @Test
    void keysOfFindingsOneLineApartSpreadOverTheLowBits() {
        Set<Integer> buckets = new HashSet<>();
        for (Diagnostic d : manyFindings().diagnostics()) {
            int h = d.identity().hashCode();
            buckets.add((h ^ (h >>> 16)) & 4095);
        }
        assertTrue(buckets.size() > 2048, "findings at a fixed stride share few buckets: " + buckets.size());
    }
}
