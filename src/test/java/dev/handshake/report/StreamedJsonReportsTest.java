package dev.handshake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.TestConfigs;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.ConfigModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON and SARIF are streamed one finding at a time; what arrives is exactly the indented tree, for every
 * own config, and arrives in pieces rather than as one document.
 */
class StreamedJsonReportsTest {

    private static final List<RuleMeta> RULES = Rules.all().stream().map(Rule::meta).toList();
    private static final SarifReport.Tool TOOL = new SarifReport.Tool("handshake", "test", null);

    private static CheckResults results(List<Path> files) throws IOException {
        CheckResults results = new CheckResults(new PathStyle(TestConfigs.OWN));
        for (Path f : files) {
            results.add(f, Linter.standard().lint(ConfigModel.load(f, ConfigModel.Options.defaults())));
        }
        return results;
    }

    private static String indented(JsonNode tree) throws IOException {
        return JsonReport.MAPPER.writeValueAsString(tree) + "\n";
    }

    @Test
    void streamedBytesAreTheTreesIndented() throws IOException {
        List<Path> files = TestConfigs.own();
        CheckResults all = results(files);
        assertTrue(all.findings().size() > 100, "fixtures with findings: " + all.findings().size());
        assertEquals(indented(JsonReport.tree(all)), JsonReport.render(all));
        assertEquals(indented(SarifReport.tree(all, RULES, TOOL)), SarifReport.render(all, RULES, TOOL));
        CheckResults none = results(List.of());
        assertEquals(indented(JsonReport.tree(none)), JsonReport.render(none));
        assertEquals(indented(SarifReport.tree(none, RULES, TOOL)), SarifReport.render(none, RULES, TOOL));
    }

    @Test
    void findingsArriveInPiecesWhileTheyAreWritten() throws IOException {
        CheckResults all = results(TestConfigs.own());
        List<Integer> writes = new ArrayList<>();
        StringWriter joined = new StringWriter();
        Writer counting = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                writes.add(length);
                joined.write(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        JsonReport.write(all, counting);
        String whole = JsonReport.render(all);
        assertEquals(whole, joined.toString());
        assertTrue(writes.size() > 2, "written in pieces, not one document: " + writes.size() + " writes of " + whole.length());
        assertTrue(writes.stream().allMatch(n -> n <= 16_384), "no write carries the whole report: " + writes);
    }
}
