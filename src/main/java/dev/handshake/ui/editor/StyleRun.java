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
}
