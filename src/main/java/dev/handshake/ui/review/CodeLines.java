package dev.handshake.ui.review;

import dev.handshake.syntax.Parser;
import dev.handshake.text.LineIndex;
import dev.handshake.ui.editor.Highlighter;
import dev.handshake.ui.editor.StyleRun;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One side of a diff (the old or the new text), highlighted once with the editor's {@link Highlighter}
 * so each shown line keeps the colours it has in its whole file (a line inside a string or after a
 * block opener is coloured as the editor colours it). Builds the line nodes of the review: a
 * {@link TextFlow} carrying the line's background classes, holding one {@link Text} per style run.
 */
final class CodeLines {

    /** Style class of every text node of a diff line, for the monospaced font and the base colour. */
    static final String TEXT = "diff-text";
    /** Style class of the gutter (prefix or line number) in front of a line's code. */
    static final String GUTTER = "diff-gutter";

    private final String text;
    private final LineIndex lines;
    private final List<StyleRun> runs;

    CodeLines(String text) {
        this.text = text;
        this.lines = new LineIndex(text);
        this.runs = Highlighter.highlight(Parser.parse(text));
    }

    /**
     * The style runs of 1-based {@code line}, which must read {@code shown}; one unstyled run when the
     * line is out of range or reads otherwise (the diff and this text disagree), so nothing is miscoloured.
     */
    List<StyleRun> runsOf(int line, String shown) {
        if (line >= 1 && line <= lines.lineCount()) {
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line, text);
            if (text.substring(start, end).equals(shown)) {
                return StyleRun.slice(runs, start, end);
            }
        }
        return shown.isEmpty() ? List.of() : List.of(new StyleRun(shown.length(), List.of()));
    }

    /** A line node: {@code gutter} then {@code shown} coloured by line {@code line} of this side. */
    TextFlow line(String gutter, int line, String shown, String... backgrounds) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("diff-line");
        flow.getStyleClass().addAll(backgrounds);
        Text head = new Text(gutter);
        head.getStyleClass().addAll(TEXT, GUTTER);
        flow.getChildren().add(head);
        int offset = 0;
        for (StyleRun run : runsOf(line, shown)) {
            Text piece = new Text(shown.substring(offset, offset + run.length()));
            piece.getStyleClass().add(TEXT);
            piece.getStyleClass().addAll(run.styles());
            flow.getChildren().add(piece);
            offset += run.length();
        }
        noWrap(flow);
        return flow;
    }

    /**
     * A line is never wrapped back to column 0: the node is at least as wide as its text, so a long line
     * makes the view scroll sideways instead.
     */
    private static void noWrap(TextFlow flow) {
        flow.setMinWidth(Region.USE_PREF_SIZE);
        flow.setMaxWidth(Double.MAX_VALUE);
    }

    /** An empty line node for the side of a side-by-side row that has no line. */
    static TextFlow absent() {
        TextFlow flow = new TextFlow(new Text(" "));
        flow.getStyleClass().addAll("diff-line", "diff-absent");
        flow.getChildren().get(0).getStyleClass().add(TEXT);
        noWrap(flow);
        return flow;
    }
}
