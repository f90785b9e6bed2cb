package dev.handshake.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replace the characters in {@code range} of the original text with {@code newText}. */
public record TextEdit(TextRange range, String newText) {

    public TextEdit {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(newText, "newText");
    }

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(TextRange.at(offset), text);
    }

    public static TextEdit replace(TextRange range, String text) {
        return new TextEdit(range, text);
    }

    public static TextEdit delete(TextRange range) {
        return new TextEdit(range, "");
    }

    /**
     * Applies edits that refer to offsets of {@code text}. Edits are applied in offset order; insertions
     * at the same offset keep their list order. Overlapping edits are rejected.
     *
     * @throws IllegalArgumentException when two edits overlap or an edit lies outside the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = sorted(edits);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (TextEdit edit : sorted) {
            TextRange r = edit.range();
            if (r.end() > text.length()) {
                throw new IllegalArgumentException("edit " + r + " outside text of length " + text.length());
            }
            if (r.start() < copied) {
                throw new IllegalArgumentException("overlapping edit at " + r);
            }
            out.append(text, copied, r.start()).append(edit.newText());
            copied = r.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The edits in application order (stable for equal ranges). */
    public static List<TextEdit> sorted(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing(TextEdit::range));
        return sorted;
    }

    /** True when no two edits touch the same characters (insertions at the same point are allowed). */
    public static boolean disjoint(List<TextEdit> edits) {
        List<TextEdit> sorted = sorted(edits);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).range().start() < sorted.get(i - 1).range().end()) {
                return false;
            }
        }
        return true;
    }
}
