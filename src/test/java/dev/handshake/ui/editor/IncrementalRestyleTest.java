package dev.handshake.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The incremental restyle without JavaFX: a model of the text area's per-character styles (inserted text
 * takes the style of the character before it, as RichTextFX does), random edits, then restyling only
 * {@link StyleRun#changedWindow} plus the {@link EditedSpan} must leave every character with the new
 * analysis's style.
 */
class IncrementalRestyleTest {

    @Test
    void restylingTheWindowAndTheEditedSpanLeavesNothingStale() {
        Random random = new Random(3);
        for (int round = 0; round < 20000; round++) {
            List<String> screen = randomStyles(random, random.nextInt(12));
            List<StyleRun> shown = runs(screen);
            EditedSpan edited = new EditedSpan();
            for (int e = random.nextInt(4); e >= 0; e--) {
                int position = random.nextInt(screen.size() + 1);
                int removalEnd = Math.min(screen.size(), position + random.nextInt(3));
                int inserted = random.nextInt(3);
                String inherited = position > 0 ? screen.get(position - 1) : (screen.isEmpty() ? "" : screen.get(0));
                for (int i = position; i < removalEnd; i++) {
                    screen.remove(position);
                }
                for (int i = 0; i < inserted; i++) {
                    screen.add(position, inherited);
                }
                edited.note(position, removalEnd, position + inserted);
            }
            List<String> wanted = randomStyles(random, screen.size());
            // Mostly keep the screen's styles, as a real re-analysis does.
            for (int i = 0; i < wanted.size(); i++) {
                if (random.nextInt(4) != 0) {
                    wanted.set(i, screen.get(i));
                }
            }
            List<StyleRun> after = runs(wanted);
            int[] window = StyleRun.changedWindow(shown, after);
            int from = Math.max(0, Math.min(window == null ? Integer.MAX_VALUE : window[0], edited.from()));
            int to = Math.min(screen.size(), Math.max(window == null ? -1 : window[1], edited.to()));
            for (int i = from; i < to; i++) {
                screen.set(i, wanted.get(i));
            }
            assertEquals(wanted, screen, "round " + round);
        }
    }

    private static List<String> randomStyles(Random random, int length) {
        List<String> styles = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            styles.add(List.of("a", "b", "c").get(random.nextInt(3)));
        }
        return styles;
    }

    private static List<StyleRun> runs(List<String> perChar) {
        List<StyleRun> runs = new ArrayList<>();
        for (String style : perChar) {
            StyleRun.append(runs, 1, List.of(style));
        }
        return runs;
    }
}
