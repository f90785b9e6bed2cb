package dev.handshake.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line diff between an old and a new text. Lines keep their terminators, so a change of line ending
 * is a change, and {@link #apply(Set)} rebuilds texts byte for byte.
 */
public final class TextDiff {

    /** Lines of context around each change in hunks and unified output. */
    public static final int DEFAULT_CONTEXT = 3;

    private final List<String> oldLines;
    private final List<String> newLines;
    private final List<List<AbstractDelta<String>>> groups;
    private final List<Hunk> hunks;

    private TextDiff(List<String> oldLines, List<String> newLines, int context, boolean eachChange) {
        this.oldLines = oldLines;
        this.newLines = newLines;
        List<AbstractDelta<String>> deltas = DiffUtils.diff(oldLines, newLines).getDeltas();
        this.groups = eachChange ? deltas.stream().map(List::of).toList() : group(deltas, context);
        List<Hunk> built = new ArrayList<>();
        for (List<AbstractDelta<String>> group : groups) {
            built.add(HunkBuilder.build(built.size(), group, oldLines, newLines, context));
        }
        this.hunks = List.copyOf(built);
    }

    public static TextDiff between(String oldText, String newText) {
        return between(oldText, newText, DEFAULT_CONTEXT);
    }

    public static TextDiff between(String oldText, String newText, int context) {
        return new TextDiff(splitLines(oldText), splitLines(newText), Math.max(0, context), false);
    }

    /**
     * The diff for reviewing changes one by one: every run of changed lines is a hunk of its own, even when
     * two runs are closer than twice the context (their context lines then overlap, so the hunks are for
     * showing and {@link #apply(Set) applying}, not for a patch file). Changes on touching lines are one run
     * and so one hunk.
     */
    public static TextDiff eachChange(String oldText, String newText) {
        return new TextDiff(splitLines(oldText), splitLines(newText), DEFAULT_CONTEXT, true);
    }

    public List<Hunk> hunks() {
        return hunks;
    }

    public boolean isEmpty() {
        return hunks.isEmpty();
    }

    /** The diff in unified format with {@code --- aLabel} / {@code +++ bLabel} headers; empty when equal. */
    public String unified(String aLabel, String bLabel) {
        if (hunks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(aLabel).append('\n').append("+++ ").append(bLabel).append('\n');
        for (Hunk hunk : hunks) {
            out.append(hunk.header()).append('\n');
            for (HunkLine line : hunk.lines()) {
                out.append(line.prefix()).append(line.text()).append('\n');
                if (!line.terminated()) {
                    out.append("\\ No newline at end of file\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * The text with only the accepted hunks applied: every other hunk keeps the old lines. Accepting all
     * hunks gives the new text; accepting none gives the old one.
     */
    public String apply(Set<Integer> acceptedHunks) {
        StringBuilder out = new StringBuilder();
        int oldLine = 0;
        for (int h = 0; h < groups.size(); h++) {
            boolean accepted = acceptedHunks.contains(h);
            for (AbstractDelta<String> delta : groups.get(h)) {
                int start = delta.getSource().getPosition();
                appendAll(out, oldLines.subList(oldLine, start));
                appendAll(out, accepted ? delta.getTarget().getLines() : delta.getSource().getLines());
                oldLine = start + delta.getSource().size();
            }
        }
        appendAll(out, oldLines.subList(oldLine, oldLines.size()));
        return out.toString();
    }

    /** Rows for a two-column view of the whole text, changed rows marked with their hunk. */
    public List<SideBySideRow> sideBySide() {
        List<SideBySideRow> rows = new ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        for (int h = 0; h < groups.size(); h++) {
            for (AbstractDelta<String> delta : groups.get(h)) {
                int start = delta.getSource().getPosition();
                while (oldLine < start) {
                    rows.add(new SideBySideRow(-1, oldLine + 1, strip(oldLines.get(oldLine)), newLine + 1,
                            strip(newLines.get(newLine)), false));
                    oldLine++;
                    newLine++;
                }
                int deleted = delta.getSource().size();
                int inserted = delta.getTarget().size();
                for (int i = 0; i < Math.max(deleted, inserted); i++) {
                    boolean hasOld = i < deleted;
                    boolean hasNew = i < inserted;
                    rows.add(new SideBySideRow(h,
                            hasOld ? oldLine + i + 1 : 0, hasOld ? strip(oldLines.get(oldLine + i)) : null,
                            hasNew ? newLine + i + 1 : 0, hasNew ? strip(newLines.get(newLine + i)) : null, true));
                }
                oldLine += deleted;
                newLine += inserted;
            }
        }
        while (oldLine < oldLines.size()) {
            rows.add(new SideBySideRow(-1, oldLine + 1, strip(oldLines.get(oldLine)), newLine + 1,
                    strip(newLines.get(newLine)), false));
            oldLine++;
            newLine++;
        }
        return rows;
    }

    /** Splits after each {@code \n}; the last piece has no terminator when the text does not end in one. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A line without its terminator ({@code \n} or {@code \r\n}). */
    static String strip(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static void appendAll(StringBuilder out, List<String> lines) {
        lines.forEach(out::append);
    }

    private static List<List<AbstractDelta<String>>> group(List<AbstractDelta<String>> deltas, int context) {
        List<List<AbstractDelta<String>>> result = new ArrayList<>();
        List<AbstractDelta<String>> current = null;
        int currentEnd = 0;
        for (AbstractDelta<String> delta : deltas) {
            int start = delta.getSource().getPosition();
            if (current == null || start - currentEnd > 2 * context) {
                current = new ArrayList<>();
                result.add(current);
            }
            current.add(delta);
            currentEnd = start + delta.getSource().size();
        }
        return result;
    }
}
