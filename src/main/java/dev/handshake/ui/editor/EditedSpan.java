package dev.handshake.ui.editor;

/**
 * The span of a buffer touched by edits since the styles were last set, kept in current offsets: a
 * later edit before it shifts it, one inside it widens it. Empty when {@code from > to}.
 */
final class EditedSpan {

    private int from = Integer.MAX_VALUE;
    private int to = -1;

    /** Records a change at {@code position} that removed up to {@code removalEnd} and inserted up to {@code insertionEnd}. */
    void note(int position, int removalEnd, int insertionEnd) {
        int shift = insertionEnd - removalEnd;
        if (to >= removalEnd) {
            to += shift;
        } else if (to > position) {
            to = position;
        }
        if (from >= removalEnd) {
            from += shift;
        } else if (from > position) {
            from = position;
        }
        from = Math.min(from, position);
        to = Math.max(to, insertionEnd);
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    void reset() {
        from = Integer.MAX_VALUE;
        to = -1;
    }
}
