package dev.handshake.ui.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Puts style runs onto the area, touching only what changed: outside the span where the text or the
 * styles differ from what was painted last, the area already shows the right styles (typed characters
 * take their neighbour's style and lie inside that span). Keeps a keystroke in a large file cheap.
 */
final class StylePainter {

    private final CodeArea area;
    private String paintedText;
    private List<StyleRun> paintedRuns = List.of();

    StylePainter(CodeArea area) {
        this.area = area;
    }

    /** Paints the whole text, as after loading. */
    void paintAll(String text, List<StyleRun> runs) {
        area.setStyleSpans(0, toSpans(runs));
        paintedText = text;
        paintedRuns = runs;
    }

    /** Paints {@code runs} for {@code text} (the area's current text), only where they differ. */
    void paintChanges(String text, List<StyleRun> runs) {
        if (paintedText == null) {
            paintAll(text, runs);
            return;
        }
        int textPrefix = commonPrefix(paintedText, text);
        int textSuffix = commonSuffix(paintedText, text, textPrefix);
        int from = Math.min(textPrefix, StyleRun.commonPrefix(paintedRuns, runs));
        int to = text.length() - Math.min(textSuffix, StyleRun.commonSuffix(paintedRuns, runs));
        if (from < to) {
            area.setStyleSpans(from, toSpans(StyleRun.slice(runs, from, to)));
        }
        paintedText = text;
        paintedRuns = runs;
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
