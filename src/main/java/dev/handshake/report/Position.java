package dev.handshake.report;

import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;

/** A range shown to people: 1-based lines and columns, the end column just past the last character. */
public record Position(int line, int column, int endLine, int endColumn) {

    /** One search for the start's line; the end is looked for from there (usually the same line). */
    public static Position of(LineIndex lines, TextRange range) {
        int line = lines.line(range.start());
        int endLine = lines.line(range.end(), line);
        return new Position(line, lines.column(range.start(), line), endLine, lines.column(range.end(), endLine));
    }
}
