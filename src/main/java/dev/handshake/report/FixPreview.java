package dev.handshake.report;

import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import java.util.List;

/** The edits a report shows for a fix: its own, or, when it needs input, those for the best suggestions. */
public final class FixPreview {

    private FixPreview() {
    }

    /**
     * The edits of {@code fix} with every input at its best suggestion; empty when an input has no
     * suggestion (the edits would hold a blank where the user's value goes).
     */
    public static List<FileEdit> edits(Fix fix) {
        for (FixInput input : fix.inputs()) {
            if (input.suggestion() == null) {
                return List.of();
            }
        }
        try {
            return fix.edits();
        } catch (RuntimeException brokenFix) {
            return List.of();
        }
    }
}
