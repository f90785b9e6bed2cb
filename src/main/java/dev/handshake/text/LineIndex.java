package dev.handshake.text;

import java.util.Arrays;

/**
 * Maps character offsets to 1-based lines and columns and back. A line ends after {@code \n};
 * a lone {@code \r} also ends a line, {@code \r\n} counts once. Columns count UTF-16 code units.
 */
public final class LineIndex {

    private final int[] lineStarts;
    private final int length;

    public LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean breaks = c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'));
            if (breaks) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.length = n;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of {@code offset} (an offset equal to the text length is on the last line). */
    public int line(int offset) {
        check(offset);
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /**
     * 1-based line of {@code offset}, which is known to be at or after the start of 1-based line
     * {@code from} (the end of a range whose start is on {@code from}): the same answer as
     * {@link #line(int)}, found without a search when the offset is still on that line, and otherwise
     * searched for after it only.
     */
    public int line(int offset, int from) {
        check(offset);
        int at = from - 1;
        if (at < 0 || at >= lineStarts.length || offset < lineStarts[at]) {
            return line(offset);
        }
        if (at + 1 == lineStarts.length || offset < lineStarts[at + 1]) {
            return from;
        }
        int found = Arrays.binarySearch(lineStarts, at + 1, lineStarts.length, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** 1-based column of {@code offset} on its 1-based {@code line} (from {@link #line(int)}). */
    public int column(int offset, int line) {
        return offset - lineStarts[line - 1] + 1;
    }

    /** 1-based column of {@code offset}. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset of the first character of 1-based {@code line}. */
    public int lineStart(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IndexOutOfBoundsException("line " + line + " of " + lineStarts.length);
        }
        return lineStarts[line - 1];
    }

    /** Offset just past the last character of 1-based {@code line}, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int end = line < lineStarts.length ? lineStarts[line] : length;
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Offset of 1-based {@code line} and {@code column}, clamped to the line. */
    public int offset(int line, int column) {
        int start = lineStart(line);
        int next = line < lineStarts.length ? lineStarts[line] : length;
        return Math.min(start + Math.max(column, 1) - 1, next);
    }

    private void check(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " of " + length);
        }
    }
}
