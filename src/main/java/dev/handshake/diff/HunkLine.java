package dev.handshake.diff;

/**
 * One line of a hunk.
 *
 * @param kind      context, deleted or inserted
 * @param text      the line without its line terminator
 * @param oldNumber 1-based line number in the old text, or 0 for an inserted line
 * @param newNumber 1-based line number in the new text, or 0 for a deleted line
 * @param terminated whether the line ends with a line terminator
 */
public record HunkLine(Kind kind, String text, int oldNumber, int newNumber, boolean terminated) {

    /** How a line takes part in a change. */
    public enum Kind { CONTEXT, DELETE, INSERT }

    /** The unified-diff prefix: space, minus or plus. */
    public char prefix() {
        return switch (kind) {
            case CONTEXT -> ' ';
            case DELETE -> '-';
            case INSERT -> '+';
        };
    }
}
