package dev.handshake.diff;

import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;

/** Turns a group of nearby deltas into a {@link Hunk} with its context lines and numbers. */
final class HunkBuilder {

    private final List<String> oldLines;
    private final List<String> newLines;
    private final List<HunkLine> lines = new ArrayList<>();
    private int oldLine;
    private int newLine;

    private HunkBuilder(List<String> oldLines, List<String> newLines) {
        this.oldLines = oldLines;
        this.newLines = newLines;
    }

    static Hunk build(int index, List<AbstractDelta<String>> group, List<String> oldLines, List<String> newLines,
                      int context) {
        HunkBuilder builder = new HunkBuilder(oldLines, newLines);
        AbstractDelta<String> first = group.get(0);
        AbstractDelta<String> last = group.get(group.size() - 1);
        int before = Math.min(context, first.getSource().getPosition());
        builder.oldLine = first.getSource().getPosition() - before;
        builder.newLine = first.getTarget().getPosition() - before;
        int oldStart = builder.oldLine;
        int newStart = builder.newLine;
        for (AbstractDelta<String> delta : group) {
            builder.contextUntil(delta.getSource().getPosition());
            for (String line : delta.getSource().getLines()) {
                builder.lines.add(line(HunkLine.Kind.DELETE, line, ++builder.oldLine, 0));
            }
            for (String line : delta.getTarget().getLines()) {
                builder.lines.add(line(HunkLine.Kind.INSERT, line, 0, ++builder.newLine));
            }
        }
        int lastEnd = last.getSource().getPosition() + last.getSource().size();
        builder.contextUntil(Math.min(oldLines.size(), lastEnd + context));
        int oldCount = builder.oldLine - oldStart;
        int newCount = builder.newLine - newStart;
        return new Hunk(index, oldCount == 0 ? oldStart : oldStart + 1, oldCount,
                newCount == 0 ? newStart : newStart + 1, newCount, builder.lines);
    }

    private void contextUntil(int oldEnd) {
        while (oldLine < oldEnd) {
            lines.add(line(HunkLine.Kind.CONTEXT, oldLines.get(oldLine), oldLine + 1, newLine + 1));
            oldLine++;
            newLine++;
        }
    }

    private static HunkLine line(HunkLine.Kind kind, String text, int oldNumber, int newNumber) {
        return new HunkLine(kind, TextDiff.strip(text), oldNumber, newNumber, text.endsWith("\n"));
    }
}
