package dev.handshake.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review's diff: one hunk per run of changed lines, however close, and any subset applies exactly. */
class EachChangeDiffTest {

    private static final String OLD = "http {\n    server {\n        listen 80;\n        server_name a;\n"
            + "        proxy_ssl_verify off;\n    }\n}\n";

    @Test
    void changesTwoLinesApartAreTwoHunksThatTheGroupedDiffMerges() {
        String edited = OLD.replace("listen 80;", "listen 8080;").replace("verify off", "verify on");
        assertEquals(1, TextDiff.between(OLD, edited).hunks().size(), "a patch groups them");
        TextDiff diff = TextDiff.eachChange(OLD, edited);
        assertEquals(2, diff.hunks().size());
        assertEquals("@@ -1,6 +1,6 @@", diff.hunks().get(0).header());
        assertEquals("@@ -2,6 +2,6 @@", diff.hunks().get(1).header(), "context overlaps the first hunk's");
        assertEquals(List.of(0, 1), diff.hunks().stream().map(Hunk::index).toList());
        assertEquals(OLD.replace("listen 80;", "listen 8080;"), diff.apply(Set.of(0)));
        assertEquals(OLD.replace("verify off", "verify on"), diff.apply(Set.of(1)));
        assertEquals(edited, diff.apply(Set.of(0, 1)));
        assertEquals(OLD, diff.apply(Set.of()));
    }

    @Test
    void changesOnTouchingLinesStayOneHunk() {
        String edited = OLD.replace("listen 80;", "listen 8080;").replace("server_name a;", "server_name b;");
        assertEquals(1, TextDiff.eachChange(OLD, edited).hunks().size());
    }

    @Test
    void sideBySideRowsCarryTheirOwnHunk() {
        String edited = OLD.replace("listen 80;", "listen 8080;").replace("verify off", "verify on");
        List<Integer> changed = TextDiff.eachChange(OLD, edited).sideBySide().stream()
                .filter(SideBySideRow::changed).map(SideBySideRow::hunk).toList();
        assertEquals(List.of(0, 1), changed);
    }

    @Test
    void insertionsAndDeletionsNextToEachOtherKeepTheirOrderInEverySubset() {
        String edited = OLD.replace("    server {\n", "    server {\n        proxy_ssl_server_name on;\n")
                .replace("        server_name a;\n", "");
        TextDiff diff = TextDiff.eachChange(OLD, edited);
        assertEquals(2, diff.hunks().size());
        assertEquals(OLD.replace("    server {\n", "    server {\n        proxy_ssl_server_name on;\n"), diff.apply(Set.of(0)));
        assertEquals(OLD.replace("        server_name a;\n", ""), diff.apply(Set.of(1)));
    }

    /**
     * Random line edits of the project's configs: each hunk's change applied alone, and any subset, equals
     * applying those same line runs by hand, and keeping all or none gives the new or the old text.
     */
    @Test
    void everySubsetIsTheOldTextPlusExactlyTheKeptRuns() throws Exception {
        Random random = new Random(20261202);
        List<Path> files = TestConfigs.all();
        for (int round = 0; round < 200; round++) {
            String before = SourceText.decode(Corpus.bytes(files.get(random.nextInt(files.size())))).text();
            String after = mutate(before, random);
            TextDiff diff = TextDiff.eachChange(before, after);
            Set<Integer> all = new HashSet<>();
            diff.hunks().forEach(h -> all.add(h.index()));
            assertEquals(after, diff.apply(all));
            assertEquals(before, diff.apply(Set.of()));
            Set<Integer> kept = new HashSet<>();
            for (int h : all) {
                if (random.nextBoolean()) {
                    kept.add(h);
                }
            }
            assertEquals(byHand(diff, TextDiff.splitLines(before), TextDiff.splitLines(after), kept), diff.apply(kept));
            // What is left to review after a partial save is exactly the hunks that were not kept.
            assertEquals(all.size() - kept.size(), TextDiff.eachChange(diff.apply(kept), after).hunks().size());
        }
    }

    /** The old lines with each kept hunk's deleted lines swapped for its inserted ones, located by the hunk's line numbers. */
    private static String byHand(TextDiff diff, List<String> oldLines, List<String> newLines, Set<Integer> kept) {
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (Hunk hunk : diff.hunks()) {
            List<HunkLine> changed = hunk.lines().stream().filter(l -> l.kind() != HunkLine.Kind.CONTEXT).toList();
            int firstOld = changed.stream().filter(l -> l.kind() == HunkLine.Kind.DELETE).mapToInt(HunkLine::oldNumber)
                    .findFirst().orElse(-1);
            if (firstOld < 0) {
                // A pure insertion: it goes after the context line before it.
                int index = hunk.lines().indexOf(changed.get(0));
                firstOld = index == 0 ? 1 : hunk.lines().get(index - 1).oldNumber() + 1;
            }
            while (next < firstOld) {
                out.append(oldLines.get(next++ - 1));
            }
            for (HunkLine line : changed) {
                boolean take = kept.contains(hunk.index()) ? line.kind() == HunkLine.Kind.INSERT
                        : line.kind() == HunkLine.Kind.DELETE;
                if (take) {
                    out.append(line.kind() == HunkLine.Kind.INSERT ? newLines.get(line.newNumber() - 1)
                            : oldLines.get(line.oldNumber() - 1));
                }
                if (line.kind() == HunkLine.Kind.DELETE) {
                    next++;
                }
            }
        }
        while (next <= oldLines.size()) {
            out.append(oldLines.get(next++ - 1));
        }
        return out.toString();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(TextDiff.splitLines(text));
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && !lines.isEmpty(); i++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "    inserted_" + i + " on;\n");
                case 1 -> lines.remove(at);
                default -> lines.set(at, "# changed " + i + "\n");
            }
        }
        return String.join("", lines);
    }
}
