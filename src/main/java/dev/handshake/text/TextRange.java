package dev.handshake.text;

/** A half-open range {@code [start, end)} of character offsets into an exact text. */
public record TextRange(int start, int end) implements Comparable<TextRange> {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public static TextRange of(int start, int end) {
        return new TextRange(start, end);
    }

    /** An empty range at {@code offset}, as used for insertions. */
    public static TextRange at(int offset) {
        return new TextRange(offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** True when {@code offset} lies inside {@code [start, end)}, or equals {@code start} of an empty range. */
    public boolean contains(int offset) {
        return offset >= start && (offset < end || (isEmpty() && offset == start));
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    /** True when the two ranges share at least one character. */
    public boolean overlaps(TextRange other) {
        return start < other.end && other.start < end;
    }

    public TextRange union(TextRange other) {
        return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
    }

    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(TextRange other) {
        int byStart = Integer.compare(start, other.start);
        return byStart != 0 ? byStart : Integer.compare(end, other.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
