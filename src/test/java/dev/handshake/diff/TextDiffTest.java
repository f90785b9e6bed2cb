package dev.handshake.diff;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDiffTest {

    @Test
    void unifiedOutputHasHeadersHunkRangesAndContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";
        String expected = """
                --- a/x.conf
                +++ b/x.conf
                @@ -1,8 +1,9 @@
                 a
                 b
                 c
                -d
                +D
                 e
                 f
                 g
                 h
                +i
                """;
        assertEquals(expected, TextDiff.between(before, after).unified("a/x.conf", "b/x.conf"));
    }

    @Test
    void distantChangesAreSeparateHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 28\n", "");
        TextDiff diff = TextDiff.between(before.toString(), after);
        assertEquals(2, diff.hunks().size());
        assertEquals("@@ -1,5 +1,5 @@", diff.hunks().get(0).header());
        assertEquals("@@ -25,6 +25,5 @@", diff.hunks().get(1).header());
        assertEquals(before.toString().replace("line 2\n", "line two\n"), diff.apply(Set.of(0)));
        assertEquals(before.toString().replace("line 28\n", ""), diff.apply(Set.of(1)));
    }

    @Test
    void missingFinalNewlineIsShown() {
        String text = TextDiff.between("a\nb", "a\nb\n").unified("a", "b");
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n", text);
    }

    @Test
    void lineEndingChangesAreChangesAndApplyIsExact() {
        TextDiff diff = TextDiff.between("a\r\nb\r\n", "a\r\nb\n");
        assertEquals(1, diff.hunks().size());
        assertEquals("a\r\nb\n", diff.apply(Set.of(0)));
        assertEquals("a\r\nb\r\n", diff.apply(Set.of()));
    }

    @Test
    void equalTextsHaveNoHunksAndNoOutput() {
        TextDiff diff = TextDiff.between("x\n", "x\n");
        assertTrue(diff.isEmpty());
        assertEquals("", diff.unified("a", "b"));
    }

    @Test
    void sideBySidePairsChangedLinesAndKeepsNumbers() {
        List<SideBySideRow> rows = TextDiff.between("a\nb\nc\n", "a\nB\nx\nc\n").sideBySide();
        assertEquals(List.of(
                new SideBySideRow(-1, 1, "a", 1, "a", false),
                new SideBySideRow(0, 2, "b", 2, "B", true),
                new SideBySideRow(0, 0, null, 3, "x", true),
                new SideBySideRow(-1, 3, "c", 4, "c", false)), rows);
    }

    /** Random line edits of corpus files: all hunks give the new text, none the old, each subset is stable. */
    @Test
    void applyingHunkSubsetsRebuildsTextsExactly() throws Exception {
        Random random = new Random(20261125);
        List<Path> files = TestConfigs.all();
        for (int round = 0; round < 200; round++) {
            String before = SourceText.decode(Corpus.bytes(files.get(random.nextInt(files.size())))).text();
            String after = mutateLines(before, random);
            TextDiff diff = TextDiff.between(before, after);
            Set<Integer> all = new HashSet<>();
            for (Hunk hunk : diff.hunks()) {
                all.add(hunk.index());
            }
            assertEquals(after, diff.apply(all));
            assertEquals(before, diff.apply(Set.of()));
            Set<Integer> some = new HashSet<>();
            all.forEach(h -> {
                if (random.nextBoolean()) {
                    some.add(h);
                }
            });
            String partial = diff.apply(some);
            Set<Integer> rest = new HashSet<>(all);
            rest.removeAll(some);
            assertEquals(after, TextDiff.between(partial, after).apply(allOf(TextDiff.between(partial, after))));
            assertEquals(rest.isEmpty(), TextDiff.between(partial, after).isEmpty());
        }
    }

    private static Set<Integer> allOf(TextDiff diff) {
        Set<Integer> all = new HashSet<>();
        diff.hunks().forEach(h -> all.add(h.index()));
        return all;
    }

    private static String mutateLines(String text, Random random) {
        List<String> lines = new java.util.ArrayList<>(TextDiff.splitLines(text));
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "    inserted_" + i + " on;\n");
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (!lines.isEmpty()) {
                        lines.set(at, "# changed " + i + "\n");
                    }
                }
            }
        }
        return String.join("", lines);
    }
}
