package dev.handshake.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StyleRunTest {

    /** One sweep over all marks gives exactly what laying the marks on one by one gives. */
    @Test
    void overlayAllEqualsOverlayingEachMarkInTurn() {
        Random random = new Random(7);
        List<String> styles = List.of("problem-info", "problem-warning", "problem-error");
        for (int round = 0; round < 2000; round++) {
            List<StyleRun> runs = new ArrayList<>();
            int length = 0;
            for (int i = random.nextInt(8); i >= 0; i--) {
                int runLength = random.nextInt(6);
                StyleRun.append(runs, runLength, random.nextBoolean() ? List.of("directive") : List.of("argument"));
                length += runLength;
            }
            List<StyleRun.Mark> marks = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                int start = random.nextInt(length + 1);
                int end = start + random.nextInt(length - start + 1);
                marks.add(new StyleRun.Mark(start, end, styles.get(random.nextInt(styles.size()))));
            }
            marks.sort((a, b) -> Integer.compare(styles.indexOf(a.style()), styles.indexOf(b.style())));
            List<StyleRun> expected = runs;
            for (StyleRun.Mark mark : marks) {
                expected = StyleRun.overlay(expected, mark.start(), mark.end(), mark.style());
            }
            assertEquals(expected, StyleRun.overlayAll(runs, marks), "runs " + runs + " marks " + marks);
        }
    }

    @Test
    void changedWindowCoversExactlyTheRunsThatDiffer() {
        List<StyleRun> before = List.of(new StyleRun(5, List.of("a")), new StyleRun(3, List.of("b")),
                new StyleRun(4, List.of("a")));
        List<StyleRun> after = List.of(new StyleRun(5, List.of("a")), new StyleRun(4, List.of("b")),
                new StyleRun(4, List.of("a")));
        assertEquals(List.of(5, 9), java.util.Arrays.stream(StyleRun.changedWindow(before, after)).boxed().toList());
        assertEquals(null, StyleRun.changedWindow(after, after));
        assertEquals(List.of(new StyleRun(2, List.of("a")), new StyleRun(4, List.of("b")), new StyleRun(1, List.of("a"))),
                StyleRun.slice(after, 3, 10));
    }

    /** Restyling only the changed window of the old styles gives the new styles everywhere. */
    @Test
    void restylingTheWindowGivesTheNewStyles() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            List<StyleRun> before = randomRuns(random, 20);
            List<StyleRun> after = randomRuns(random, StyleRun.total(before));
            int[] window = StyleRun.changedWindow(before, after);
            if (window == null) {
                assertEquals(before, after);
                continue;
            }
            // Same length texts: the window's outside must already agree character by character.
            assertEquals(StyleRun.slice(before, 0, window[0]), StyleRun.slice(after, 0, window[0]));
            int suffix = StyleRun.total(after) - window[1];
            assertEquals(StyleRun.slice(before, StyleRun.total(before) - suffix, StyleRun.total(before)),
                    StyleRun.slice(after, window[1], StyleRun.total(after)));
        }
    }

    private static List<StyleRun> randomRuns(Random random, int length) {
        List<StyleRun> runs = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int run = 1 + random.nextInt(Math.min(left, 5));
            StyleRun.append(runs, run, List.of(random.nextBoolean() ? "x" : "y"));
            left -= run;
        }
        return runs;
    }
}
