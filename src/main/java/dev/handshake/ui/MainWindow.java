package dev.handshake.ui;

import dev.handshake.io.AtomicWriter;
import dev.handshake.io.DiskSnapshot;
import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.diff.LineEndings;
import dev.handshake.text.SourceText;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.settings.SettingsStore;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The editor window: menus, the editor, the Problems panel and the status bar, and the document they
 * show (which file, how it looked on disk). Opening and saving go through {@code io}: bad input gets
 * a clear dialog and leaves everything as it was.
 */
public final class MainWindow {

    private static final String EXAMPLE = "/examples/gateway.conf";

    private final Stage stage;
    private final ConfigEditor editor;
    private final ProblemsPanel problems;
    private final StatusBar status = new StatusBar();
    private final IncludeTree includes = new IncludeTree(this::openFromTree, this::showMissingInclude);
    private final QuickFixes quickFixes;
    private final Navigator navigator;
    private final IncidentActions incidents;
    private final Exports exports = new Exports(this);
    private SettingsActions settings;
    private final RecentFiles recent;
    private final StringProperty name = new SimpleStringProperty("untitled.conf");
    private final BorderPane root = new BorderPane();
    private Path savedPath;
    private DiskSnapshot snapshot;
    private boolean reviewBeforeSave = true;
    private boolean backupOnSave;

    public MainWindow(Stage stage, Linter linter) {
        this(stage, linter, RecentFiles.standard());
    }

    MainWindow(Stage stage, Linter linter, RecentFiles recent) {
        this.stage = stage;
        this.recent = recent;
        editor = new ConfigEditor(linter);
        problems = new ProblemsPanel(this::jump);
        quickFixes = new QuickFixes(editor, stage, status::showMessage);
        navigator = new Navigator(stage, editor, status);
        incidents = new IncidentActions(this, status::showMessage);
        settings = new SettingsActions(this, null);
        SplitPane split = new SplitPane(editor.node(), problems.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        SplitPane sides = new SplitPane(includes.node(), split);
        sides.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(includes.node(), false);
        root.setCenter(sides);
        root.setBottom(status.node());
        Menus menus = new Menus(this);
        root.setTop(menus.menuBar());
        editor.setQuickFixHandler(quickFixes::showAtCaret);
        useBrowser(null);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("/ui/handshake.css").toExternalForm());
        menus.installExtraShortcuts(scene);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean opened = !files.isEmpty() && confirmDiscard() && open(files.get(0).toPath());
            e.setDropCompleted(opened);
            e.consume();
        });
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> (editor.modifiedProperty().get() ? "*" : "") + name.get() + " — Handshake",
                editor.modifiedProperty(), name));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        editor.analysisProperty().addListener((o, was, now) -> showAnalysis(now));
        editor.caretProperty().addListener((o, was, now) -> status.showCaret(editor.caretLine(), editor.caretColumn()));
        status.showCaret(1, 1);
    }

    ConfigEditor editor() {
        return editor;
    }

    ProblemsPanel problems() {
        return problems;
    }

    QuickFixes quickFixes() {
        return quickFixes;
    }

    /**
     * Opens links with {@code browser} (the app's host services); null copies them to the clipboard
     * instead. A browser that fails only logs, so the link is put on the clipboard in both cases.
     */
    public void useBrowser(Consumer<String> browser) {
        editor.onOpenUrl(url -> {
            IncidentActions.copy(url);
            if (browser != null) {
                browser.accept(url);
            }
            status.showMessage((browser != null ? "Opening in the browser, and copied " : "No browser available: copied ") + url);
        });
    }

    /** Applies the settings stored in {@code store} and keeps later changes there. */
    public void useSettings(SettingsStore store) {
        settings = new SettingsActions(this, store);
        settings.loadAndApply();
    }

    SettingsActions settings() {
        return settings;
    }

    Exports exports() {
        return exports;
    }

    IncidentActions incidents() {
        return incidents;
    }

    Navigator navigator() {
        return navigator;
    }

    RecentFiles recent() {
        return recent;
    }

    Stage stage() {
        return stage;
    }

    private void showAnalysis(Analysis analysis) {
        problems.show(analysis);
        includes.show(analysis);
        status.showCounts(analysis.lint() != null ? analysis.lint().diagnostics() : analysis.diagnostics());
        if (analysis.lint() == null) {
            status.showMessage("Large file: colours only, rules paused");
        }
    }

    /** Opens the bundled broken gateway example as an unsaved buffer. */
    public void openExample() {
        try (InputStream in = MainWindow.class.getResourceAsStream(EXAMPLE)) {
            SourceText source = SourceText.decode(in.readAllBytes());
            show(null, "gateway.conf", source, null);
            status.showMessage("Example config: Save As to keep a copy");
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled example is missing from the build", e);
        }
    }

    /** Opens {@code file}; when it cannot be read, says why and opens the example instead. */
    public void openOrExample(Path file) {
        if (!open(file)) {
            openExample();
        }
    }

    /**
     * Opens {@code file} in the editor. A missing, unreadable, binary or huge file gets a dialog and
     * nothing else changes.
     *
     * @return whether the file was opened
     */
    public boolean open(Path file) {
        byte[] bytes;
        try {
            bytes = SourceFiles.readBytes(file);
        } catch (SourceReadException e) {
            error("Cannot open " + file.getFileName(), e.getMessage());
            return false;
        }
        SourceText source = SourceText.decode(bytes);
        Path normal = file.toAbsolutePath().normalize();
        show(normal, normal.getFileName().toString(), source, DiskSnapshot.of(normal, bytes));
        recent.add(normal);
        status.showMessage(SourceFiles.isLarge(source) ? "Large file: live analysis is limited to colours" : "");
        return true;
    }

    private void show(Path file, String title, SourceText source, DiskSnapshot disk) {
        savedPath = file;
        snapshot = disk;
        name.set(title);
        editor.load(file != null ? file : Path.of(title).toAbsolutePath(), source);
        editor.requestFocus();
        status.showEncoding(source.charset().name() + (source.hasBom() ? " BOM" : "") + "  "
                + (source.eol().equals("\r\n") ? "CRLF" : "LF"));
    }

    void openWithChooser() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open nginx config");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private void openFromTree(Path file) {
        if (!file.equals(editor.pathProperty().get()) && confirmDiscard()) {
            open(file);
        }
    }

    /** An include that reaches no file, chosen in the tree: selects it when it is in this file. */
    private void showMissingInclude(IncludeTree.Entry entry) {
        if (entry.from().equals(editor.pathProperty().get())) {
            editor.select(entry.include());
        }
        status.showMessage(entry.label() + ": the include reaches no file");
    }

    IncludeTree includes() {
        return includes;
    }

    void openRecent(Path file) {
        if (confirmDiscard()) {
            open(file);
        }
    }

    FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("nginx config", "*.conf", "nginx.conf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (savedPath != null && savedPath.getParent() != null) {
            chooser.setInitialDirectory(savedPath.getParent().toFile());
        }
        return chooser;
    }

    /** Saves to the file the buffer came from (Save As for the example). */
    public boolean save() {
        if (savedPath == null) {
            return saveAs();
        }
        try {
            if (snapshot != null && snapshot.changedOnDisk() && !confirm("File changed on disk",
                    savedPath.getFileName() + " was changed by another program since it was opened. Overwrite it?")) {
                return false;
            }
        } catch (IOException e) {
            error("Cannot check " + savedPath.getFileName(), e.getMessage());
            return false;
        }
        Optional<String> reviewed = reviewBeforeSave ? DiskChanges.review(stage, name.get(), savedPath, editor.text())
                : Optional.of(editor.text());
        if (reviewed.isEmpty()) {
            return false;
        }
        if (!reviewed.get().equals(editor.text())) {
            editor.replaceAll(reviewed.get());
        }
        return writeTo(savedPath);
    }

    public void setReviewBeforeSave(boolean review) {
        reviewBeforeSave = review;
    }

    /** With {@code true}, saving keeps the file's previous content as {@code NAME.bak}. */
    public void setBackupOnSave(boolean backup) {
        backupOnSave = backup;
    }

    boolean saveAs() {
        FileChooser chooser = chooser("Save nginx config as");
        chooser.setInitialFileName(name.get());
        File chosen = chooser.showSaveDialog(stage);
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
        recent.add(normal);
        return true;
    }

    private boolean writeTo(Path file) {
        try {
            AtomicWriter writer = backupOnSave ? AtomicWriter.withBackup() : AtomicWriter.withoutBackup();
            snapshot = writer.write(file, bytesToSave());
            editor.markSaved();
            status.showMessage("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot save " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    /** The file the buffer was read from or saved to, or {@code null} for the example or a new buffer. */
    Path savedPath() {
        return savedPath;
    }

    String name() {
        return name.get();
    }

    void showStatus(String message) {
        status.showMessage(message);
    }

    /** The buffer encoded the way the file was read: same charset, BOM and line endings. */
    byte[] bytesToSave() {
        SourceText opened = editor.opened();
        return opened.withText(LineEndings.restore(opened.text(), editor.text())).encode();
    }

    /** Closes the file: the editor shows an empty untitled buffer. */
    void closeFile() {
        if (confirmDiscard()) {
            show(null, "untitled.conf", SourceText.of(""), null);
            status.showMessage("");
        }
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
        ask.initOwner(stage);
        ask.setHeaderText("Save changes to " + name.get() + "?");
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() != saveButton || save();
    }

    private boolean confirm(String header, String text) {
        return Alerts.confirm(stage, header, text);
    }

    void error(String header, String text) {
        Alerts.error(stage, header, text);
    }

    /** Shows a finding: selects it in the editor (opening its file when it is an included one). */
    void jump(Diagnostic d) {
        if (!d.file().equals(editor.pathProperty().get())) {
            if (!confirmDiscard() || !open(d.file())) {
                return;
            }
        }
        editor.select(d.range());
        status.showMessage(d.message());
    }

    void exit() {
        if (confirmDiscard()) {
            stage.hide();
        }
    }

    public void dispose() {
        editor.dispose();
    }
}
