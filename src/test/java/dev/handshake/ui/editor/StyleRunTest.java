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
}
