package dev.handshake.ui;

import dev.handshake.io.AtomicWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;

/** File > Export: the patched file to another path, a unified-diff patch, and the redacted config to the clipboard. */
final class Exports {

    private final MainWindow window;

    Exports(MainWindow window) {
        this.window = window;
    }

    void exportPatch() {
        if (currentPatch().isEmpty()) {
            window.showStatus(NO_CHANGES);
            return;
        }
        choose("Export patch", window.name() + ".patch").ifPresent(this::exportPatch);
    }

    static final String NO_CHANGES = "No changes to export: the buffer is the file on disk";

    /** Writes the unified diff from the file on disk (empty for a new file) to the buffer; no file for no changes. */
    boolean exportPatch(Path target) {
        String patch = currentPatch();
        if (patch.isEmpty()) {
            window.showStatus(NO_CHANGES);
            return false;
        }
        boolean written = write(target, patch.getBytes(StandardCharsets.UTF_8), "the patch");
        if (written) {
            window.showStatus("Exported " + target.getFileName());
        }
        return written;
    }

    private String currentPatch() {
        return DiskChanges.patch(window.savedPath(), window.name(), window.editor().text());
    }

    void exportCopy() {
        choose("Export patched file", window.name()).ifPresent(this::exportCopy);
    }

    /** Writes the buffer, encoded like the file, to {@code target}; the buffer keeps its own file. */
    boolean exportCopy(Path target) {
        boolean written = write(target, window.bytesToSave(), "the copy");
        if (written) {
            window.showStatus("Exported " + target.getFileName());
        }
        return written;
    }

    /** Puts the buffer with its secrets masked on the clipboard (secret files' contents are never read). */
    void copyRedacted() {
        dev.handshake.incident.Redactor.Result result = dev.handshake.incident.Redactor.redact(window.editor().text());
        IncidentActions.copy(result.text());
        int n = result.masked().size();
        window.showStatus("Copied with " + (n == 0 ? "nothing to mask" : n + (n == 1 ? " value" : " values") + " masked"));
    }

    private Optional<Path> choose(String title, String initialName) {
        FileChooser chooser = window.chooser(title);
        chooser.setInitialFileName(initialName);
        File chosen = chooser.showSaveDialog(window.stage());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private boolean write(Path target, byte[] bytes, String what) {
        try {
            AtomicWriter.withoutBackup().write(target, bytes);
            return true;
        } catch (IOException e) {
            window.error("Cannot export " + what, e.getMessage());
            return false;
        }
    }
}
