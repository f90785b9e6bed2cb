package dev.handshake.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of {@code length} characters that all carry the same CSS style classes. A list of runs covers
 * a text from its start; pure data, so styling can be computed and tested without JavaFX.
 */
public record StyleRun(int length, List<String> styles) {

    public StyleRun {
        if (length < 0) {
            throw new IllegalArgumentException("negative run length " + length);
        }
        styles = List.copyOf(styles);
    }

    /** Total characters covered by {@code runs}. */
    public static int total(List<StyleRun> runs) {
        int sum = 0;
        for (StyleRun run : runs) {
            sum += run.length();
        }
        return sum;
    }

    /** Appends a run, merging it into the previous one when the styles are equal; skips empty runs. */
    static void append(List<StyleRun> runs, int length, List<String> styles) {
        if (length == 0) {
            return;
        }
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).styles().equals(styles)) {
            runs.set(last, new StyleRun(runs.get(last).length() + length, styles));
        } else {
            runs.add(new StyleRun(length, styles));
        }
    }

    /**
     * Adds {@code style} to every character of {@code [start, end)} on top of {@code runs}; the rest
     * keeps its styles. Used to lay diagnostics over the syntax colours.
     */
    public static List<StyleRun> overlay(List<StyleRun> runs, int start, int end, String style) {
        List<StyleRun> out = new ArrayList<>(runs.size() + 2);
        int offset = 0;
        for (StyleRun run : runs) {
            int runEnd = offset + run.length();
            int from = Math.max(offset, start);
            int to = Math.min(runEnd, end);
            if (from >= to || run.styles().contains(style)) {
                append(out, run.length(), run.styles());
            } else {
                List<String> marked = new ArrayList<>(run.styles());
                marked.add(style);
                append(out, from - offset, run.styles());
                append(out, to - from, marked);
                append(out, runEnd - to, run.styles());
            }
            offset = runEnd;
        }
        return out;
    }

    /** A style to lay over the characters {@code [start, end)}. */
    public record Mark(int start, int end, String style) {
    }

    /**
     * Lays every mark over {@code runs} in one sweep (the result equals applying {@link #overlay} once per
     * mark in list order, but costs O((runs + marks) log marks) instead of O(runs * marks), which matters
     * for a 35k-line file with thousands of findings). Styles are added in the order they first appear
     * in {@code marks}, so a later style wins in CSS order.
     */
    public static List<StyleRun> overlayAll(List<StyleRun> runs, List<Mark> marks) {
        if (marks.isEmpty()) {
            return runs;
        }
        List<String> order = marks.stream().map(Mark::style).distinct().toList();
        int[][] events = new int[marks.size() * 2][];
        int count = 0;
        for (Mark mark : marks) {
            if (mark.start() < mark.end()) {
                int style = order.indexOf(mark.style());
                events[count++] = new int[] {mark.start(), style, 1};
                events[count++] = new int[] {mark.end(), style, -1};
            }
        }
        int[][] sorted = java.util.Arrays.copyOf(events, count);
        java.util.Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int[] active = new int[order.size()];
        List<StyleRun> out = new ArrayList<>(runs.size() + count);
        int next = 0;
        int offset = 0;
        for (StyleRun run : runs) {
            int runEnd = offset + run.length();
            while (offset < runEnd) {
                while (next < sorted.length && sorted[next][0] <= offset) {
                    active[sorted[next][1]] += sorted[next][2];
                    next++;
                }
                int segmentEnd = next < sorted.length ? Math.min(runEnd, sorted[next][0]) : runEnd;
                append(out, segmentEnd - offset, withActive(run.styles(), order, active));
                offset = segmentEnd;
            }
        }
        return out;
    }

    private static List<String> withActive(List<String> styles, List<String> order, int[] active) {
        List<String> result = null;
        for (int i = 0; i < active.length; i++) {
            if (active[i] > 0 && !styles.contains(order.get(i))) {
                if (result == null) {
                    result = new ArrayList<>(styles);
                }
                result.add(order.get(i));
            }
        }
        return result == null ? styles : result;
    }
}
