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

    /** The runs covering {@code [from, to)} of the text {@code runs} cover. */
    public static List<StyleRun> slice(List<StyleRun> runs, int from, int to) {
        List<StyleRun> out = new ArrayList<>();
        int offset = 0;
        for (StyleRun run : runs) {
            int runEnd = offset + run.length();
            append(out, Math.max(0, Math.min(runEnd, to) - Math.max(offset, from)), run.styles());
            offset = runEnd;
            if (offset >= to) {
                break;
            }
        }
        return out;
    }

    /** How many leading characters {@code a} and {@code b} style the same. */
    public static int commonPrefix(List<StyleRun> a, List<StyleRun> b) {
        return common(a, b, false);
    }

    /** How many trailing characters {@code a} and {@code b} style the same. */
    public static int commonSuffix(List<StyleRun> a, List<StyleRun> b) {
        return common(a, b, true);
    }

    private static int common(List<StyleRun> a, List<StyleRun> b, boolean fromEnd) {
        int i = 0;
        int j = 0;
        int leftA = 0;
        int leftB = 0;
        int same = 0;
        while (true) {
            while (leftA == 0 && i < a.size()) {
                leftA = a.get(fromEnd ? a.size() - 1 - i : i).length();
                i++;
            }
            while (leftB == 0 && j < b.size()) {
                leftB = b.get(fromEnd ? b.size() - 1 - j : j).length();
                j++;
            }
            if (leftA == 0 || leftB == 0) {
                return same;
            }
            List<String> styleA = a.get(fromEnd ? a.size() - i : i - 1).styles();
            List<String> styleB = b.get(fromEnd ? b.size() - j : j - 1).styles();
            if (!styleA.equals(styleB)) {
                return same;
            }
            int step = Math.min(leftA, leftB);
            same += step;
            leftA -= step;
            leftB -= step;
        }
    }
}
