package dev.handshake.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * Where new style runs differ from the painted ones, worked out off the FX thread so that showing an
 * analysis repaints only those spans: the span edited since the last paint is always repainted, and
 * outside it the painted runs (before it as they are, after it shifted by the edit) are compared with
 * the new ones. Pure data, testable without JavaFX.
 *
 * @param basedOn which paint this was computed against (valid only while it is still on screen)
 * @param ranges  sorted, disjoint {@code [start, end)} spans of the new text to repaint
 * @param starts  where each new run starts, so a span's runs are found without walking from the start
 */
record Restyle(long basedOn, List<int[]> ranges, int[] starts) {

    /** Spans closer than this are repainted as one (fewer, slightly longer repaints). */
    static final int MERGE_GAP = 256;

    /**
     * What is on screen: {@code runs} as painted for the text before the edits since, and the span of
     * the current text those edits touched, {@code [dirtyFrom, dirtyTo)} (none when from > to);
     * {@code paint} numbers the state (a paint or an edit since), so a result holds no old runs.
     */
    record Painted(long paint, List<StyleRun> runs, int dirtyFrom, int dirtyTo) {
    }

    /** The spans of a text of {@code length} characters where {@code newRuns} differ from what is {@code painted}. */
    static Restyle between(Painted painted, List<StyleRun> newRuns, int length) {
        List<StyleRun> oldRuns = painted.runs();
        int shift = length - StyleRun.total(oldRuns);
        List<int[]> ranges = new ArrayList<>();
        if (painted.dirtyFrom() <= painted.dirtyTo()) {
            int from = Math.max(0, Math.min(painted.dirtyFrom(), length));
            int to = Math.max(from, Math.min(painted.dirtyTo(), length));
            differing(oldRuns, 0, newRuns, 0, from, ranges);
            add(ranges, from, to);
            differing(oldRuns, to - shift, newRuns, to, length - to, ranges);
        } else {
            differing(oldRuns, 0, newRuns, 0, length, ranges);
        }
        return new Restyle(painted.paint(), ranges, starts(newRuns));
    }

    /** The new runs covering {@code [from, to)}. */
    List<StyleRun> slice(List<StyleRun> runs, int from, int to) {
        List<StyleRun> out = new ArrayList<>();
        int index = runAt(from);
        for (int i = index; i < runs.size() && starts[i] < to; i++) {
            int runEnd = starts[i] + runs.get(i).length();
            StyleRun.append(out, Math.max(0, Math.min(runEnd, to) - Math.max(starts[i], from)), runs.get(i).styles());
        }
        return out;
    }

    private int runAt(int offset) {
        int low = 0;
        int high = starts.length - 1;
        int found = starts.length;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] > offset) {
                high = middle - 1;
            } else {
                found = middle;
                low = middle + 1;
            }
        }
        return found == starts.length ? 0 : found;
    }

    private static int[] starts(List<StyleRun> runs) {
        int[] starts = new int[runs.size()];
        int offset = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = offset;
            offset += runs.get(i).length();
        }
        return starts;
    }

    /** Adds the spans of {@code length} characters where {@code b} from {@code bFrom} styles unlike {@code a} from {@code aFrom}. */
    private static void differing(List<StyleRun> a, int aFrom, List<StyleRun> b, int bFrom, int length, List<int[]> out) {
        Cursor left = new Cursor(a, aFrom);
        Cursor right = new Cursor(b, bFrom);
        int done = 0;
        while (done < length) {
            int step = Math.min(length - done, Math.min(left.rest, right.rest));
            if (step <= 0) {
                // One side ends early (it does not cover its text): repaint what is left.
                add(out, bFrom + done, bFrom + length);
                return;
            }
            if (!StyleRun.same(left.styles(), right.styles())) {
                add(out, bFrom + done, bFrom + done + step);
            }
            left.advance(step);
            right.advance(step);
            done += step;
        }
    }

    private static void add(List<int[]> ranges, int from, int to) {
        if (from >= to) {
            return;
        }
        int last = ranges.size() - 1;
        if (last >= 0 && from - ranges.get(last)[1] <= MERGE_GAP) {
            ranges.get(last)[1] = Math.max(ranges.get(last)[1], to);
        } else {
            ranges.add(new int[] {from, to});
        }
    }

    /** A position in a list of runs: the run it is in and how many characters of that run are left. */
    private static final class Cursor {
        private final List<StyleRun> runs;
        private int index;
        private int rest;

        Cursor(List<StyleRun> runs, int offset) {
            this.runs = runs;
            int start = 0;
            index = 0;
            while (index < runs.size() && start + runs.get(index).length() <= offset) {
                start += runs.get(index).length();
                index++;
            }
            rest = index < runs.size() ? start + runs.get(index).length() - offset : 0;
        }

        List<String> styles() {
            return runs.get(index).styles();
        }

        void advance(int step) {
            rest -= step;
            while (rest == 0 && index + 1 < runs.size()) {
                index++;
                rest = runs.get(index).length();
            }
        }
    }
}
