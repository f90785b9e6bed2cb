package dev.handshake.ui.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Puts style runs onto the area, touching only what changed: outside the span the user edited since the
 * last paint (tracked from the area's changes, not guessed by diffing texts: a typed "}" beside another
 * "}" takes its neighbour's style wherever it went) and the spans where the new styles differ from the
 * painted ones ({@link Restyle}, worked out in the background), the area already shows the right
 * styles. Keeps showing an analysis of a large file cheap on the FX thread.
 */
final class StylePainter {

    private final CodeArea area;
    private String paintedText;
    private List<StyleRun> paintedRuns = List.of();
    /** The span of the current text edited since the last paint, {@code [dirtyFrom, dirtyTo)}; none when from > to. */
    private int dirtyFrom = Integer.MAX_VALUE;
    private int dirtyTo = Integer.MIN_VALUE;
    /** Counts paints and edits: what a background {@link Restyle} was computed against. */
    private long state;

    StylePainter(CodeArea area) {
        this.area = area;
    }

    /** Paints the whole text, as after loading. */
    void paintAll(String text, List<StyleRun> runs) {
        area.setStyleSpans(0, toSpans(runs));
        paintedText = text;
        paintedRuns = runs;
        clean();
    }

    /** Records that the area shows {@code text} unstyled (as just loaded with no style), without painting. */
    void paintedPlain(String text) {
        paintedText = text;
        paintedRuns = List.of(new StyleRun(text.length(), List.of()));
        clean();
    }

    /** Records an edit of the area: {@code removed} characters at {@code position} replaced by {@code inserted}. */
    void edited(int position, int removed, int inserted) {
        state++;
        int end = position + inserted;
        if (dirtyFrom > dirtyTo) {
            dirtyFrom = position;
            dirtyTo = end;
            return;
        }
        dirtyFrom = Math.min(map(dirtyFrom, position, removed, inserted, false), position);
        dirtyTo = Math.max(map(dirtyTo, position, removed, inserted, true), end);
    }

    /** Where offset {@code x} of the text before an edit lies after it (inside the removed span: its start, or its new end). */
    private static int map(int x, int position, int removed, int inserted, boolean toEnd) {
        if (x < position) {
            return x;
        }
        if (x >= position + removed) {
            return x + inserted - removed;
        }
        return toEnd ? position + inserted : position;
    }

    private void clean() {
        state++;
        dirtyFrom = Integer.MAX_VALUE;
        dirtyTo = Integer.MIN_VALUE;
    }

    /** What is on screen now, for a background {@link Restyle}; {@code null} before the first paint. */
    Restyle.Painted painted() {
        return paintedText == null ? null : new Restyle.Painted(state, paintedRuns, dirtyFrom, dirtyTo);
    }

    /**
     * Paints {@code runs} for {@code text} (the area's current text), only where they differ from what is
     * painted: as {@code planned} when it was computed (in the background) against what is still on
     * screen, else as worked out now.
     */
    void paintChanges(String text, List<StyleRun> runs, Restyle planned) {
        if (paintedText == null) {
            paintAll(text, runs);
            return;
        }
        Restyle plan = planned != null && planned.basedOn() == state ? planned
                : Restyle.between(new Restyle.Painted(state, paintedRuns, dirtyFrom, dirtyTo), runs, text.length());
        for (int[] span : plan.ranges()) {
            int from = Math.max(0, Math.min(span[0], text.length()));
            int to = Math.min(text.length(), span[1]);
            if (from < to) {
                area.setStyleSpans(from, toSpans(plan.slice(runs, from, to)));
            }
        }
        paintedText = text;
        paintedRuns = runs;
        clean();
    }

    static StyleSpans<Collection<String>> toSpans(List<StyleRun> runs) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(Math.max(1, runs.size()));
        for (StyleRun run : runs) {
            builder.add(run.styles(), run.length());
        }
        if (runs.isEmpty()) {
            builder.add(List.of(), 0);
        }
        return builder.create();
    }

    /** Length of the longest common prefix of {@code a} and {@code b}. */
    static int commonPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int i = 0;
        while (i < limit && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Length of the longest common suffix of {@code a} and {@code b} that does not overlap {@code prefix}. */
    static int commonSuffix(String a, String b, int prefix) {
        int limit = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < limit && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
