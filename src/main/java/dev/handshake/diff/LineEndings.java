package dev.handshake.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.handshake.text.LineEnding;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a file's own line endings back on text that was edited with {@code \n} only (as the editor holds
 * it): every line that survived the edit keeps the terminator it had in the file ({@code \r\n},
 * {@code \n} or a lone {@code \r}), and new lines take the file's dominant one. So a file with mixed
 * endings is saved with only the edited lines touched, and unedited text comes back byte for byte.
 */
public final class LineEndings {

    private LineEndings() {
    }

    /** Replaces every line break by {@code \n}, as the editor shows text. */
    public static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * {@code edited} (line breaks are {@code \n}) with the line endings of {@code original} restored where
     * lines are unchanged, and the dominant ending of {@code original} elsewhere.
     */
    public static String restore(String original, String edited) {
        List<String> originalLines = new ArrayList<>();
        List<String> terminators = new ArrayList<>();
        split(original, originalLines, terminators);
        List<String> editedLines = List.of(edited.split("\n", -1));
        String dominant = LineEnding.dominantSeparator(original);
        String[] chosen = new String[editedLines.size()];
        int oldLine = 0;
        int newLine = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(originalLines, editedLines).getDeltas()) {
            int start = delta.getSource().getPosition();
            while (oldLine < start) {
                chosen[newLine++] = terminators.get(oldLine++);
            }
            oldLine += delta.getSource().size();
            newLine += delta.getTarget().size();
        }
        while (oldLine < originalLines.size() && newLine < editedLines.size()) {
            chosen[newLine++] = terminators.get(oldLine++);
        }
        StringBuilder out = new StringBuilder(edited.length() + editedLines.size());
        for (int i = 0; i < editedLines.size(); i++) {
            out.append(editedLines.get(i));
            if (i < editedLines.size() - 1) {
                String terminator = chosen[i];
                out.append(terminator == null || terminator.isEmpty() ? dominant : terminator);
            }
        }
        return out.toString();
    }

    /** Splits into line contents and their terminators; the last line's terminator is empty. */
    private static void split(String text, List<String> lines, List<String> terminators) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                terminators.add(crlf ? "\r\n" : String.valueOf(c));
                if (crlf) {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        terminators.add("");
    }
}
