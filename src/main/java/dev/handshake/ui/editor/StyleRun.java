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

    /** A style to add to the characters {@code [start, end)}. */
    public record Mark(int start, int end, String style) {
    }

    /** Adds {@code style} to every character of {@code [start, end)} on top of {@code runs}. */
    public static List<StyleRun> overlay(List<StyleRun> runs, int start, int end, String style) {
        return overlay(runs, List.of(new Mark(start, end, style)));
    }

    /**
     * Lays {@code marks} over {@code runs} in one sweep (findings over syntax colours); the rest keeps
     * its styles. Added styles come after a run's own, in the order of their first mark.
     */
    public static List<StyleRun> overlay(List<StyleRun> runs, List<Mark> marks) {
        List<int[]> events = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Mark mark : marks) {
            if (mark.start() >= mark.end()) {
                continue;
            }
            int style = order.indexOf(mark.style());
            if (style < 0) {
                order.add(mark.style());
                style = order.size() - 1;
            }
            events.add(new int[] {mark.start(), style, 1});
            events.add(new int[] {mark.end(), style, -1});
        }
        if (events.isEmpty()) {
            return runs;
        }
        events.sort((x, y) -> Integer.compare(x[0], y[0]));
        int[] active = new int[order.size()];
        List<StyleRun> out = new ArrayList<>(runs.size() + events.size());
        int next = 0;
        int offset = 0;
        for (StyleRun run : runs) {
            int runEnd = offset + run.length();
            int at = offset;
            while (at < runEnd) {
                while (next < events.size() && events.get(next)[0] <= at) {
                    active[events.get(next)[1]] += events.get(next)[2];
                    next++;
                }
                int pieceEnd = next < events.size() ? Math.min(runEnd, events.get(next)[0]) : runEnd;
                append(out, pieceEnd - at, withActive(run.styles(), order, active));
                at = pieceEnd;
            }
            offset = runEnd;
        }
        return out;
    }

    private static List<String> withActive(List<String> own, List<String> order, int[] active) {
        List<String> styles = null;
        for (int i = 0; i < active.length; i++) {
            if (active[i] > 0 && !own.contains(order.get(i))) {
                if (styles == null) {
                    styles = new ArrayList<>(own);
                }
                styles.add(order.get(i));
            }
        }
        return styles == null ? own : styles;
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

    /**
     * {@code runs} with every line longer than {@code maxLine} characters left unstyled: a styled line
     * becomes one text node per run, and a line of many thousand runs freezes the editor's layout.
     */
    public static List<StyleRun> plainLongLines(List<StyleRun> runs, String text, int maxLine) {
        List<int[]> longLines = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > maxLine) {
                    longLines.add(new int[] {lineStart, i});
                }
                lineStart = i + 1;
            }
        }
        if (longLines.isEmpty()) {
            return runs;
        }
        List<StyleRun> out = new ArrayList<>();
        int covered = 0;
        for (int[] line : longLines) {
            out.addAll(slice(runs, covered, line[0]));
            append(out, line[1] - line[0], List.of());
            covered = line[1];
        }
        List<StyleRun> rest = slice(runs, covered, total(runs));
        for (StyleRun run : rest) {
            append(out, run.length(), run.styles());
        }
        return out;
    }
}
