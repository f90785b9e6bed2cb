package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spans a background {@link Restyle} repaints: repainting them (and only them) over the painted
 * styles, shifted by the edit, gives exactly the new styles, whatever the edit and the new runs.
 */
class RestyleTest {

    private static final List<List<String>> STYLES = List.of(List.of(), List.of("a"), List.of("b"), List.of("a", "e"));

    @Test
    void repaintingTheSpansGivesTheNewStylesEverywhere() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            String oldText = text(random, 1 + random.nextInt(60));
            List<StyleRun> oldRuns = runs(random, oldText.length());
            int at = random.nextInt(oldText.length() + 1);
            int removed = random.nextInt(Math.min(5, oldText.length() - at) + 1);
            String inserted = text(random, random.nextInt(4));
            String newText = oldText.substring(0, at) + inserted + oldText.substring(at + removed);
            List<StyleRun> newRuns = random.nextInt(3) == 0 ? shifted(oldRuns, at, removed, inserted.length())
                    : runs(random, newText.length());
            Restyle plan = Restyle.between(new Restyle.Painted(0, oldRuns, at, at + inserted.length()), newRuns, newText.length());
            // On screen: the old styles moved by the edit (the edited span takes any style: it is repainted).
            List<String>[] screen = perChar(shifted(oldRuns, at, removed, inserted.length()));
            List<String>[] wanted = perChar(newRuns);
            for (int[] span : plan.ranges()) {
                List<StyleRun> slice = plan.slice(newRuns, span[0], span[1]);
                assertEquals(span[1] - span[0], StyleRun.total(slice), "slice length, round " + round);
                int offset = span[0];
                for (StyleRun run : slice) {
                    for (int i = 0; i < run.length(); i++) {
                        screen[offset++] = run.styles();
                    }
                }
            }
            for (int i = 0; i < newText.length(); i++) {
                assertEquals(wanted[i], screen[i], "round " + round + " char " + i);
            }
        }
    }

    @Test
    void unchangedStylesAwayFromTheEditAreNotRepainted() {
        List<StyleRun> oldRuns = List.of(new StyleRun(5000, List.of("a")), new StyleRun(5000, List.of("b")));
        int newLength = 10_001;
        List<StyleRun> newRuns = List.of(new StyleRun(5001, List.of("a")), new StyleRun(5000, List.of("b")));
        Restyle plan = Restyle.between(new Restyle.Painted(0, oldRuns, 0, 1), newRuns, newLength);
        int repainted = 0;
        for (int[] span : plan.ranges()) {
            repainted += span[1] - span[0];
        }
        assertEquals(1, repainted);
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("ab\n".charAt(random.nextInt(3)));
        }
        return out.toString();
    }

    private static List<StyleRun> runs(Random random, int length) {
        List<StyleRun> runs = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int n = 1 + random.nextInt(Math.min(left, 8));
            StyleRun.append(runs, n, STYLES.get(random.nextInt(STYLES.size())));
            left -= n;
        }
        return runs;
    }

    /** {@code runs} after replacing {@code removed} characters at {@code at} by {@code inserted} plain ones. */
    private static List<StyleRun> shifted(List<StyleRun> runs, int at, int removed, int inserted) {
        int total = StyleRun.total(runs);
        List<StyleRun> out = new ArrayList<>(StyleRun.slice(runs, 0, at));
        StyleRun.append(out, inserted, List.of());
        for (StyleRun run : StyleRun.slice(runs, at + removed, total)) {
            StyleRun.append(out, run.length(), run.styles());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] perChar(List<StyleRun> runs) {
        List<String>[] out = new List[StyleRun.total(runs)];
        int offset = 0;
        for (StyleRun run : runs) {
            for (int i = 0; i < run.length(); i++) {
                out[offset++] = run.styles();
            }
        }
        return out;
    }
}
