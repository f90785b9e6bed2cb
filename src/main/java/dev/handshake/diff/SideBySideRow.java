package dev.handshake.diff;

/**
 * One row of a two-column diff view. A side is {@code null} where that side has no line (pure insert
 * or delete).
 *
 * @param hunk      the hunk this row belongs to, or -1 for unchanged text outside every hunk
 * @param oldNumber 1-based old line number, 0 when absent
 * @param oldText   old line text, or null
 * @param newNumber 1-based new line number, 0 when absent
 * @param newText   new line text, or null
 * @param changed   whether the two sides differ
 */
public record SideBySideRow(int hunk, int oldNumber, String oldText, int newNumber, String newText,
                            boolean changed) {
}
