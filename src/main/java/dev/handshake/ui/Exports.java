package dev.handshake.ui;

import dev.handshake.io.AtomicWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File > Export: the patched file to another path, a unified-diff patch, and the redacted config to the clipboard. */
final class Exports {

    private final Supplier<Document> current;
    private final Window owner;
    private final StatusBar status;

    /** @param current the document to export (the selected one) */
    Exports(Supplier<Document> current, Window owner, StatusBar status) {
        this.current = current;
        this.owner = owner;
        this.status = status;
    }

    void exportPatch() {
        if (currentPatch().isEmpty()) {
            status.showMessage(NO_CHANGES);
            return;
        }
        choose("Export patch", current.get().name() + ".patch").ifPresent(this::exportPatch);
    }

    static final String NO_CHANGES = "No changes to export: the buffer is the file on disk";

    /** Writes the unified diff from the file on disk (empty for a new file) to the buffer; no file for no changes. */
    boolean exportPatch(Path target) {
        String patch = currentPatch();
        if (patch.isEmpty()) {
            status.showMessage(NO_CHANGES);
            return false;
        }
        boolean written = write(target, patch.getBytes(StandardCharsets.UTF_8), "the patch");
        if (written) {
            status.showMessage("Exported " + target.getFileName());
        }
        return written;
    }

    private String currentPatch() {
        Document document = current.get();
        return DiskChanges.patch(document.savedPath(), document.name(), document.editor().text());
    }

    void exportCopy() {
        choose("Export patched file", current.get().name()).ifPresent(this::exportCopy);
    }

    /** Writes the buffer, encoded like the file, to {@code target}; the buffer keeps its own file. */
    boolean exportCopy(Path target) {
        boolean written = write(target, current.get().bytesToSave(), "the copy");
        if (written) {
            status.showMessage("Exported " + target.getFileName());
        }
        return written;
    }

    /** Puts the buffer with its secrets masked on the clipboard (secret files' contents are never read). */
    void copyRedacted() {
        dev.handshake.incident.Redactor.Result result = dev.handshake.incident.Redactor.redact(current.get().editor().text());
        IncidentActions.copy(result.text());
        int n = result.masked().size();
        status.showMessage("Copied with " + (n == 0 ? "nothing to mask" : n + (n == 1 ? " value" : " values") + " masked"));
    }

    private Optional<Path> choose(String title, String initialName) {
        FileChooser chooser = Choosers.config(title, current.get().savedPath());
        chooser.setInitialFileName(initialName);
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private boolean write(Path target, byte[] bytes, String what) {
        try {
            AtomicWriter.withoutBackup().write(target, bytes);
            return true;
        } catch (IOException e) {
            Alerts.error(owner, "Cannot export " + what, e.getMessage());
            return false;
        }
    }
}
