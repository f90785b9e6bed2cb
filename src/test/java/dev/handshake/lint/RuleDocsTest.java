package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.rules.Rules;
import dev.handshake.report.RuleDocs;
import dev.handshake.report.RuleDocs.Doc;
import dev.handshake.report.RuleDocs.Section;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one test of the rule-doc format, read through the one reader ({@link RuleDocs}): every rule in
 * {@link Rules#all()}, and every id the linter itself emits, has {@code /rules/<id>.md} made of
 * {@code # id}, a blank line, then exactly the six sections in order, none empty, no code fence left
 * open, the last with nginx.org links. No summary line: a rule's summary is its {@link RuleMeta}'s.
 */
class RuleDocsTest {

    /** Ids the linter reports without a {@link Rule}: suppression problems and rule failures. */
    private static final List<String> LINTER_IDS = List.of(Suppressions.UNUSED, Suppressions.NO_REASON,
            Linter.INTERNAL_ERROR);

    /** Ids the editor shows without a {@link Rule}: what {@code nginx -t} said (ui.NginxTests.RULE). */
    private static final List<String> EDITOR_IDS = List.of("nginx-t");

    @TestFactory
    Stream<DynamicTest> everyRuleHasItsDocInTheFormat() {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule rule : Rules.all()) {
            ids.add(rule.meta().id());
        }
        ids.addAll(LINTER_IDS);
        ids.addAll(EDITOR_IDS);
        assertTrue(ids.size() >= 19, "expected the built-in rules and linter ids, found " + ids.size());
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> check(id)));
    }

    private static void check(String id) {
        Optional<Doc> found = RuleDocs.of(id);
        assertTrue(found.isPresent(), "missing doc resource /rules/" + id + ".md");
        Doc doc = found.get();
        List<String> titles = Arrays.stream(Section.values()).map(s -> s.heading().substring(3)).toList();
        assertTrue(doc.markdown().startsWith("# " + id + "\n\n" + Section.WHAT_IT_DOES.heading() + "\n"),
                id + ": the title, one blank line, then " + Section.WHAT_IT_DOES.heading()
                        + " (the one-line summary is the rule's RuleMeta, not the doc's)");
        assertTrue(doc.preamble().isBlank(), id + ": nothing between the title and the first section");
        assertEquals(titles, List.copyOf(doc.sections().keySet()), id + ": sections");
        for (Section section : Section.values()) {
            assertTrue(doc.section(section).isPresent(), id + ": empty section " + section.heading());
        }
        assertFalse(doc.open(), id + ": a code fence is not closed");
        assertTrue(doc.section(Section.REFERENCES).orElseThrow().contains("https://nginx.org/en/docs/"),
                id + ": references need nginx.org links");
    }

    @Test
    void readerSplitsSectionsOutsideCodeAndTakesFirstParagraphs() {
        Doc doc = RuleDocs.parse(String.join("\n", "# some-rule", "", "## What it does", "",
                "Reports `a`", "when b.", "", "More.", "", "## Example", "```nginx", "## not a heading", "```",
                "## Why it matters", "Short **bold** reason.", "```", "code", "```", ""));
        assertEquals(List.of("What it does", "Example", "Why it matters"), List.copyOf(doc.sections().keySet()));
        assertEquals("```nginx\n## not a heading\n```", doc.section(Section.EXAMPLE).orElseThrow());
        assertEquals(Optional.of("Reports `a` when b."), doc.firstParagraph(Section.WHAT_IT_DOES));
        assertEquals(Optional.of("Short **bold** reason."), doc.firstParagraph(Section.WHY_IT_MATTERS));
        assertEquals(Optional.empty(), doc.section(Section.FIX_SAFETY));
        assertFalse(doc.open());
    }

    @Test
    void lookupsRefuseOddIdsAndFallBackToTheSummary() {
        assertEquals(Optional.empty(), RuleDocs.of("../rules/upstream-sni-off"));
        assertEquals(Optional.empty(), RuleDocs.of("no-such-rule"));
        RuleMeta undocumented = RuleMeta.of("no-such-rule", Severity.WARNING, "nothing written about it");
        assertEquals("Nothing written about it.", RuleDocs.summary(undocumented));
        assertEquals(RuleDocs.summary(undocumented), RuleDocs.description(undocumented));
    }

    @Test
    void cardTextIsTheWhyParagraphWithoutMarkup() {
        for (Rule rule : Rules.all()) {
            String id = rule.meta().id();
            String paragraph = RuleDocs.of(id).orElseThrow().firstParagraph(Section.WHY_IT_MATTERS).orElseThrow();
            String card = RuleDocs.whyItMatters(id).orElseThrow();
            assertFalse(card.contains("`") || card.contains("**"), id + ": " + card);
            assertEquals(paragraph.replace("`", "").replace("**", ""), card, id);
            assertEquals(RuleDocs.of(id).orElseThrow().firstParagraph(Section.WHAT_IT_DOES).orElseThrow(),
                    RuleDocs.description(rule.meta()), id + ": SARIF's full description");
        }
    }
}
