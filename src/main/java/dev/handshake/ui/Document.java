package dev.handshake.ui;

import dev.handshake.diff.LineEndings;
import dev.handshake.io.AtomicWriter;
import dev.handshake.io.DiskSnapshot;
import dev.handshake.io.PosixAcl;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.theme.Themes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tab;
import javafx.beans.value.ChangeListener;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * One open file in its own tab: its editor (with its own undo history), quick fixes and navigation,
 * which file it is and how that file looked on disk, and saving it.
 */
final class Document {

    /**
     * What a document needs from the window: the owner of its dialogs, the status bar, the settings and
     * linter it follows, the recent-files list, the editor of another file a fix changes, and the link opener.
     */
    record Needs(Window owner, StatusBar status, ReadOnlyObjectProperty<Settings> settings,
                 ReadOnlyObjectProperty<Linter> linter, RecentFiles recent,
                 Function<Path, Optional<ConfigEditor>> editorOf, Consumer<String> openUrl) {
    }

    private final Needs needs;
    private final ConfigEditor editor;
    private final QuickFixes quickFixes;
    private final Navigator navigator;
    private final Tab tab = new Tab();
    private final StringProperty name = new SimpleStringProperty("untitled.conf");
    private final ChangeListener<Settings> fontSize;
    private final ChangeListener<Linter> linter;
    private Path savedPath;
    private DiskSnapshot snapshot;

    Document(Needs needs) {
        this(needs, null);
    }

    /** A document whose editor analyses on {@code analyser} (a test's executor), or its own thread when null. */
    Document(Needs needs, java.util.concurrent.Executor analyser) {
        this.needs = needs;
        editor = new ConfigEditor(needs.linter().get(), analyser);
        quickFixes = new QuickFixes(editor, needs.owner(), needs.status()::showMessage, needs.editorOf());
        navigator = new Navigator(needs.owner(), editor, needs.status());
        editor.onOpenUrl(needs.openUrl());
        editor.setFontSize(needs.settings().get().fontSize());
        fontSize = (o, was, now) -> {
            if (was == null || was.fontSize() != now.fontSize()) {
                editor.setFontSize(now.fontSize());
            }
        };
        linter = (o, was, now) -> editor.setLinter(now);
        needs.settings().addListener(fontSize);
        needs.linter().addListener(linter);
        tab.setContent(editor.node());
        tab.setUserData(this);
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> (editor.modifiedProperty().get() ? "*" : "") + name.get(), editor.modifiedProperty(), name));
        // Two open files may share a name (two nginx.conf): the tab's tooltip says which one it is.
        javafx.scene.control.Tooltip where = new javafx.scene.control.Tooltip();
        where.textProperty().bind(Bindings.createStringBinding(() -> savedPath != null ? savedPath.toString()
                : name.get() + " (not saved yet)", name, editor.pathProperty()));
        tab.setTooltip(where);
    }

    /** Stops following the settings and disposes of the editor; the document is unusable afterwards. */
    void dispose() {
        needs.settings().removeListener(fontSize);
        needs.linter().removeListener(linter);
        editor.dispose();
    }

    /** An unsaved-to-disk buffer (untitled or the example) that nobody has edited: safe to replace. */
    boolean isPristine() {
        return savedPath == null && !editor.modifiedProperty().get();
    }

    ConfigEditor editor() {
        return editor;
    }

    QuickFixes quickFixes() {
        return quickFixes;
    }

    Navigator navigator() {
        return navigator;
    }

    Tab tab() {
        return tab;
    }

    StringProperty nameProperty() {
        return name;
    }

    String name() {
        return name.get();
    }

    /** The file the buffer was read from or saved to, or {@code null} for the example or a new buffer. */
    Path savedPath() {
        return savedPath;
    }

    /** Whether this document shows {@code file} (an absolute, normalised path). */
    boolean shows(Path file) {
        return file != null && file.equals(editor.pathProperty().get());
    }

    void show(Path file, String title, SourceText source, DiskSnapshot disk) {
        savedPath = file;
        snapshot = disk;
        name.set(title);
        editor.load(file != null ? file : Path.of(title).toAbsolutePath(), source);
    }

    /** Whether the file on disk differs from what this buffer was read from or last saved as. */
    boolean changedOnDisk() {
        try {
            return savedPath != null && snapshot != null && snapshot.changedOnDisk();
        } catch (IOException e) {
            return true;
        }
    }

    /** Replaces the buffer by the file as it is on disk now (a fresh history); false when it cannot be read. */
    boolean reloadFromDisk() {
        try {
            byte[] bytes = dev.handshake.io.SourceFiles.readBytes(savedPath);
            Path file = savedPath;
            show(file, name.get(), SourceText.decode(bytes), DiskSnapshot.of(file, bytes));
            return true;
        } catch (dev.handshake.io.SourceReadException e) {
            Alerts.error(needs.owner(), "Cannot reload " + savedPath.getFileName(), e.getMessage());
            return false;
        }
    }

    /**
     * The file changed on disk since it was read: Overwrite (true), Reload from disk (the buffer takes the
     * disk's text; false) or Cancel (false). The dialog can show how the buffer differs from the disk.
     */
    private boolean overwriteOrReload() {
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.YES);
        ButtonType reload = new ButtonType("Reload from Disk", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, savedPath.getFileName()
                + " was changed by another program since it was opened. Overwrite it with this buffer, or reload"
                + " it and lose the buffer's changes?", overwrite, reload, ButtonType.CANCEL);
        ask.setHeaderText("File changed on disk");
        javafx.scene.control.TextArea diff = new javafx.scene.control.TextArea(
                DiskChanges.patch(savedPath, name.get(), editor.text()));
        diff.setId("disk-diff");
        diff.getStyleClass().add("diff-preview");
        diff.setEditable(false);
        ask.getDialogPane().setExpandableContent(diff);
        Themes.apply(ask, needs.owner());
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isPresent() && answer.get() == reload) {
            reloadFromDisk();
            return false;
        }
        return answer.isPresent() && answer.get() == overwrite;
    }

    /** Saves to the file the buffer came from (Save As for the example). */
    boolean save() {
        if (savedPath == null) {
            return saveAs();
        }
        try {
            if (snapshot != null && snapshot.changedOnDisk() && !overwriteOrReload()) {
                return false;
            }
        } catch (IOException e) {
            Alerts.error(needs.owner(), "Cannot check " + savedPath.getFileName(), e.getMessage());
            return false;
        }
        Optional<String> reviewed = needs.settings().get().reviewBeforeSave()
                ? DiskChanges.review(needs.owner(), name.get(), savedPath, editor.text(), this::checkForReview)
                : Optional.of(editor.text());
        if (reviewed.isEmpty()) {
            return false;
        }
        if (!reviewed.get().equals(editor.text())) {
            editor.replaceAll(reviewed.get());
        }
        return writeTo(savedPath);
    }

    /**
     * This buffer's page of a review of several files: its diff against the disk with the checks, or
     * empty when there is nothing to review (the file is missing or already holds the buffer).
     */
    Optional<dev.handshake.ui.review.SaveReviewDialog> reviewPage() {
        return DiskChanges.reviewPage(needs.owner(), name.get(), savedPath, editor.text(), this::checkForReview);
    }

    /** Writes {@code reviewed} (the buffer with the reverted changes left out) to the buffer's file. */
    boolean saveReviewed(String reviewed) {
        if (!reviewed.equals(editor.text())) {
            editor.replaceAll(reviewed);
        }
        return writeTo(savedPath);
    }

    /**
     * What the save review says about the buffer before it is written: its syntax errors at once, and
     * what {@code nginx -t} says of it when nginx is installed (in the background; the dialog stays usable).
     */
    private void checkForReview(dev.handshake.ui.review.SaveReviewDialog dialog) {
        int errors = dev.handshake.syntax.Parser.parse(editor.text()).errors().size();
        if (errors > 0) {
            dialog.addCheck("The buffer still has " + errors + " syntax error" + (errors == 1 ? "" : "s")
                    + ": nginx will refuse this file", true);
        }
        aclCheck(dialog);
        Optional<Path> nginx = NginxTestRun.locate(needs.settings().get().nginxPath()).binary();
        if (nginx.isEmpty() || !needs.settings().get().testBeforeSave() || Boolean.getBoolean("handshake.review.noNginxTest")) {
            return;
        }
        Path file = savedPath.toAbsolutePath().normalize();
        Path root = testedRoot(file);
        java.util.Map<Path, byte[]> saved = java.util.Map.of(file, bytesToSave());
        dialog.addCheck("nginx -t: testing…", false);
        Thread worker = new Thread(() -> {
            String line;
            boolean problem;
            try {
                NginxTestRun.Result result = NginxTestRun.run(nginx.get(), root, saved, NginxTestRun.TIMEOUT);
                problem = !result.passed();
                String context = root.equals(file) ? "" : " (tested as part of " + root.getFileName() + ")";
                line = result.passed() ? "nginx -t: nginx accepts the file as it will be saved" + context
                        : "nginx -t rejects it" + context + ": " + result.messages().stream()
                                .filter(m -> m.level().equals("emerg") || m.level().equals("crit") || m.level().equals("alert"))
                                .findFirst().map(m -> m.text() + (!m.located() ? ""
                                        : m.file().toAbsolutePath().normalize().equals(file) ? " (line " + m.line() + ")"
                                        : " (" + m.file().getFileName() + ":" + m.line() + ")"))
                                .orElse(result.timedOut() ? "no answer in " + NginxTestRun.TIMEOUT.toSeconds() + " s"
                                        : "exit " + result.exit());
            } catch (IOException e) {
                problem = true;
                line = "nginx -t could not run: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String shown = line;
            boolean flagged = problem;
            javafx.application.Platform.runLater(() -> dialog.replaceCheck("nginx -t: testing…", shown, flagged));
        }, "handshake-review-nginx-t");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Says, before anything is written, when the file has a POSIX ACL: that the save keeps it, or that it
     * cannot be kept here (no getfacl/setfacl) and the save will refuse rather than drop it.
     */
    private void aclCheck(dev.handshake.ui.review.SaveReviewDialog dialog) {
        try {
            Path real = savedPath.toRealPath();
            if (!PosixAcl.present(real)) {
                return;
            }
            String has = savedPath.getFileName() + " has " + PosixAcl.describe(real);
            Optional<String> why = PosixAcl.whyNotCopyable();
            dialog.addCheck(why.isEmpty() ? has + ": the saved file keeps it"
                    : has + ", which cannot be kept: " + why.get() + "; Save will refuse and write nothing", why.isPresent());
        } catch (IOException e) {
            // the file vanished or cannot be listed: the write itself will say so
        }
    }

    /**
     * The config nginx starts from when it reads {@code file}: the main config of the buffer's latest
     * analysis (the open or on-disk file that includes it), else the file itself. An included snippet
     * tested on its own is refused for directives that are fine where it is included.
     */
    private Path testedRoot(Path file) {
        dev.handshake.ui.editor.Analysis latest = editor.analysisProperty().get();
        if (latest == null || latest.lint() == null) {
            return file;
        }
        Path main = latest.lint().model().main().path();
        return main != null && latest.lint().model().file(file).isPresent() ? main.toAbsolutePath().normalize() : file;
    }

    boolean saveAs() {
        FileChooser chooser = Choosers.config("Save nginx config as", savedPath);
        chooser.setInitialFileName(name.get());
        File chosen = chooser.showSaveDialog(needs.owner());
        return chosen != null && saveAs(chosen.toPath());
    }

    /** Writes the buffer to {@code file}, which becomes the buffer's file. */
    boolean saveAs(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!writeTo(normal)) {
            return false;
        }
        savedPath = normal;
        name.set(normal.getFileName().toString());
        editor.moveTo(normal, editor.opened());
        needs.recent().add(normal);
        return true;
    }

    private boolean writeTo(Path file) {
        SourceText opened = editor.opened();
        String text = LineEndings.restore(opened.text(), editor.text());
        if (!opened.canEncode(text) && !Alerts.confirm(needs.owner(), "Save " + file.getFileName() + " as UTF-8?",
                file.getFileName() + " was read as " + opened.charset().name() + ", which cannot hold some characters"
                        + " you typed. Saving writes the whole file as UTF-8 instead.")) {
            return false;
        }
        try {
            AtomicWriter writer = needs.settings().get().backup() ? AtomicWriter.withBackup() : AtomicWriter.withoutBackup();
            snapshot = writer.write(file, bytesToSave());
            editor.markSaved();
            needs.status().showMessage("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            Alerts.error(needs.owner(), "Cannot save " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    /** The buffer encoded the way the file was read: same charset, BOM and line endings. */
    byte[] bytesToSave() {
        SourceText opened = editor.opened();
        return opened.withText(LineEndings.restore(opened.text(), editor.text())).encode();
    }

    /** When the buffer is modified, asks to save it first; false means the user cancelled. */
    boolean confirmDiscard() {
        if (!editor.modifiedProperty().get()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                saveButton, discard, ButtonType.CANCEL);
        Themes.apply(ask, needs.owner());
        ask.setHeaderText("Save changes to " + name.get() + "?");
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() != saveButton || save();
    }
}
