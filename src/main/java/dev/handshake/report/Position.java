package dev.handshake.report;

import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;

/** A range shown to people: 1-based lines and columns, the end column just past the last character. */
public record Position(int line, int column, int endLine, int endColumn) {

    public static Position of(LineIndex lines, TextRange range) {
        return new Position(lines.line(range.start()), lines.column(range.start()),
                lines.line(range.end()), lines.column(range.end()));
    }
}
