package dev.handshake.ui;

import dev.handshake.diff.LineEndings;
import dev.handshake.diff.TextDiff;
import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.ui.review.SaveReviewDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The buffer compared with its file on disk: the review before saving, and the exported patch. */
final class DiskChanges {

    private DiskChanges() {
    }

    /**
     * When {@code file} exists and differs from {@code buffer}: the review dialog, whose result is the
     * text to save (reverted hunks left out); empty when the user cancelled. Otherwise the buffer.
     */
    static Optional<String> review(Window owner, String name, Path file, String buffer,
                                   java.util.function.Consumer<SaveReviewDialog> checks) {
        Optional<String> onDisk = onDisk(file);
        if (onDisk.isEmpty() || onDisk.get().equals(buffer)) {
            return Optional.of(buffer);
        }
        SaveReviewDialog dialog = new SaveReviewDialog(owner, name, onDisk.get(), buffer);
        checks.accept(dialog);
        return dialog.showAndWait();
    }

    /** The review dialog for {@code buffer} against {@code file}, not shown; empty when the two do not differ. */
    static Optional<SaveReviewDialog> reviewPage(Window owner, String name, Path file, String buffer,
                                                 java.util.function.Consumer<SaveReviewDialog> checks) {
        Optional<String> onDisk = onDisk(file);
        if (onDisk.isEmpty() || onDisk.get().equals(buffer)) {
            return Optional.empty();
        }
        SaveReviewDialog dialog = new SaveReviewDialog(owner, name, onDisk.get(), buffer);
        checks.accept(dialog);
        return Optional.of(dialog);
    }

    /** The unified diff from the file on disk (empty for a new file) to {@code buffer}. */
    static String patch(Path file, String name, String buffer) {
        String before = file == null ? "" : onDisk(file).orElse("");
        return TextDiff.between(before, buffer).unified("a/" + name, "b/" + name);
    }

    /** The file's text as the editor holds it (line breaks as {@code \n}), if it can be read. */
    private static Optional<String> onDisk(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LineEndings.normalize(SourceFiles.read(file).text()));
        } catch (SourceReadException e) {
            return Optional.empty();
        }
    }
}
