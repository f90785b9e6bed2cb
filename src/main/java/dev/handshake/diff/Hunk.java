package dev.handshake.diff;

import java.util.List;

/**
 * A group of nearby changes with their surrounding context, reviewed as one unit.
 *
 * @param index    position among the diff's hunks, from 0
 * @param oldStart 1-based first line in the old text (the line before, or 0, when {@code oldCount} is 0)
 * @param oldCount lines taken from the old text
 * @param newStart 1-based first line in the new text (the line before, or 0, when {@code newCount} is 0)
 * @param newCount lines in the new text
 * @param lines    context, deleted and inserted lines in order
 */
public record Hunk(int index, int oldStart, int oldCount, int newStart, int newCount, List<HunkLine> lines) {

    public Hunk {
        lines = List.copyOf(lines);
    }

    /** The unified-diff header, {@code @@ -3,4 +3,6 @@}. */
    public String header() {
        return "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@";
    }

    public long insertions() {
        return lines.stream().filter(l -> l.kind() == HunkLine.Kind.INSERT).count();
    }

    public long deletions() {
        return lines.stream().filter(l -> l.kind() == HunkLine.Kind.DELETE).count();
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }
}
