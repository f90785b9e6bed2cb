package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule in {@link Rules#all()}, and every id the linter itself emits, has its documentation
 * resource: {@code # id}, a one-line summary, then exactly the six sections in order, the last with
 * nginx.org links.
 */
class RuleDocsTest {

    private static final List<String> SECTIONS = List.of("## What it does", "## Why it matters", "## Example",
            "## Fixed", "## Fix safety", "## References");

    /** Ids the linter reports without a {@link Rule}: suppression problems and rule failures. */
    private static final List<String> LINTER_IDS = List.of(Suppressions.UNUSED, Suppressions.NO_REASON,
            Linter.INTERNAL_ERROR);

    @TestFactory
    Stream<DynamicTest> everyRuleHasItsDoc() {
        Set<RuleMeta> metas = new LinkedHashSet<>();
        for (Rule rule : Rules.all()) {
            metas.add(rule.meta());
        }
        for (String id : LINTER_IDS) {
            metas.add(RuleMeta.of(id, Severity.INFO, "emitted by the linter"));
        }
        assertTrue(metas.size() >= 12, "expected the built-in rules and linter ids, found " + metas.size());
        return metas.stream().map(m -> DynamicTest.dynamicTest(m.id(), () -> check(m)));
    }

    private static void check(RuleMeta meta) throws IOException {
        String doc;
        try (InputStream in = RuleDocsTest.class.getResourceAsStream(meta.docResource())) {
            assertNotNull(in, "missing doc resource " + meta.docResource());
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = doc.lines().toList();
        assertEquals("# " + meta.id(), lines.get(0), "first line of " + meta.docResource());
        int summary = 1;
        while (summary < lines.size() && lines.get(summary).isBlank()) {
            summary++;
        }
        String summaryLine = lines.get(summary);
        assertFalse(summaryLine.startsWith("#"), meta.id() + ": a one-line summary must follow the title");
        assertTrue(summary + 1 < lines.size() && lines.get(summary + 1).isBlank(),
                meta.id() + ": the summary must be one line");

        List<String> headings = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("#")) {
                headings.add(line.strip());
            }
        }
        assertFalse(inCode, meta.id() + ": a code fence is not closed");
        assertEquals(SECTIONS, headings.subList(1, headings.size()), meta.id() + ": sections");
        for (String section : SECTIONS) {
            assertFalse(body(doc, section).isBlank(), meta.id() + ": empty section " + section);
        }
        assertTrue(body(doc, "## References").contains("https://nginx.org/"), meta.id() + ": references need nginx.org links");
    }

    private static String body(String doc, String section) {
        int start = doc.indexOf("\n" + section + "\n") + section.length() + 2;
        int next = doc.indexOf("\n## ", start);
        return next < 0 ? doc.substring(start) : doc.substring(start, next);
    }
}
