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
        if (last >= 0 && same(runs.get(last).styles(), styles)) {
            runs.set(last, new StyleRun(runs.get(last).length() + length, styles));
        } else {
            runs.add(new StyleRun(length, styles));
        }
    }

    /** True when {@code a} and {@code b} hold the same classes in the same order (no iterator made). */
    static boolean same(List<String> a, List<String> b) {
        if (a == b) {
            return true;
        }
        int size = a.size();
        if (size != b.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
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
        List<String> order = new ArrayList<>();
        // One event per mark end, as (offset << 32 | style << 1 | opens) in a primitive array.
        long[] events = new long[marks.size() * 2];
        int count = 0;
        for (Mark mark : marks) {
            if (mark.start() >= mark.end()) {
                continue;
            }
            int style = order.indexOf(mark.style());
            if (style < 0) {
                order.add(mark.style());
                style = order.size() - 1;
            }
            events[count++] = ((long) mark.start() << 32) | ((long) style << 1) | 1;
            events[count++] = ((long) mark.end() << 32) | ((long) style << 1);
        }
        if (count == 0) {
            return runs;
        }
        java.util.Arrays.sort(events, 0, count);
        int[] active = new int[order.size()];
        // The styles of a run with the active marks added, made once per (run styles, active set).
        java.util.Map<List<String>, java.util.Map<Long, List<String>>> made = new java.util.IdentityHashMap<>();
        List<StyleRun> out = new ArrayList<>(runs.size() + count);
        int next = 0;
        int offset = 0;
        for (StyleRun run : runs) {
            int runEnd = offset + run.length();
            int at = offset;
            while (at < runEnd) {
                while (next < count && (int) (events[next] >>> 32) <= at) {
                    active[(int) (events[next] & 0xFFFFFFFFL) >>> 1] += (events[next] & 1) == 1 ? 1 : -1;
                    next++;
                }
                int pieceEnd = next < count ? Math.min(runEnd, (int) (events[next] >>> 32)) : runEnd;
                append(out, pieceEnd - at, withActive(run.styles(), order, active, made));
                at = pieceEnd;
            }
            offset = runEnd;
        }
        return out;
    }

    private static List<String> withActive(List<String> own, List<String> order, int[] active,
                                           java.util.Map<List<String>, java.util.Map<Long, List<String>>> made) {
        if (active.length > 64) {
            made = new java.util.IdentityHashMap<>(); // more styles than the key holds: nothing is reused
        }
        long key = 0;
        for (int i = 0; i < active.length && i < 64; i++) {
            if (active[i] > 0) {
                key |= 1L << i;
            }
        }
        if (key == 0) {
            return own;
        }
        java.util.Map<Long, List<String>> byActive = made.computeIfAbsent(own, k -> new java.util.HashMap<>());
        List<String> styles = byActive.get(key);
        if (styles == null) {
            List<String> built = new ArrayList<>(own);
            for (int i = 0; i < active.length; i++) {
                if (active[i] > 0 && !own.contains(order.get(i))) {
                    built.add(order.get(i));
                }
            }
            styles = List.copyOf(built);
            byActive.put(key, styles);
        }
        return styles;
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
            if (!same(styleA, styleB)) {
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
        while (lineStart <= text.length()) {
            int lineBreak = text.indexOf('\n', lineStart);
            int lineEnd = lineBreak < 0 ? text.length() : lineBreak;
            if (lineEnd - lineStart > maxLine) {
                longLines.add(new int[] {lineStart, lineEnd});
            }
            lineStart = lineEnd + 1;
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
