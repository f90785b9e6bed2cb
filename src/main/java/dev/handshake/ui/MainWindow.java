package dev.handshake.ui;

import dev.handshake.io.DiskSnapshot;
import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
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
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The editor window: menus, the open documents as tabs, the include tree, the Problems panel and the
 * status bar, which all follow the selected tab. Included files open in tabs of their own. Opening and
 * saving go through {@code io}: bad input gets a clear dialog and leaves everything as it was.
 */
public final class MainWindow {

    private static final String EXAMPLE = "/examples/gateway.conf";

    private final Stage stage;
    private final EditorTabs tabs;
    private final ProblemsPanel problems;
    private final StatusBar status = new StatusBar();
    private final IncludeTree includes = new IncludeTree(this::openInTab, this::showMissingInclude);
    private final IncidentActions incidents;
    private final NginxTests nginxTests;
    private final DiskWatcher watcher;
    private final Exports exports = new Exports(this);
    private SettingsActions settings;
    private final RecentFiles recent;
    private final BorderPane root = new BorderPane();
    private boolean reviewBeforeSave = true;
    private boolean backupOnSave;

    public MainWindow(Stage stage, Linter linter) {
        this(stage, linter, RecentFiles.standard());
    }

    MainWindow(Stage stage, Linter linter, RecentFiles recent) {
        this.stage = stage;
        this.recent = recent;
        tabs = new EditorTabs(this, status, linter, this::follow);
        problems = new ProblemsPanel(this::jump);
        incidents = new IncidentActions(this, status::showMessage);
        nginxTests = new NginxTests(this, status::showMessage);
        watcher = startWatcher();
        settings = new SettingsActions(this, null);
        SplitPane split = new SplitPane(tabs.node(), problems.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        SplitPane sides = new SplitPane(includes.node(), split);
        sides.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(includes.node(), false);
        root.setCenter(sides);
        root.setBottom(status.node());
        Menus menus = new Menus(this);
        root.setTop(menus.menuBar());
        tabs.currentProperty().addListener((o, was, now) -> {
            if (now != null) {
                showCurrent(now);
            }
        });
        tabs.addUntitled();
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
            boolean opened = !files.isEmpty() && openFromUser(files.get(0).toPath());
            e.setDropCompleted(opened);
            e.consume();
        });
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!tabs.confirmDiscardAll()) {
                e.consume();
            }
        });
    }

    /** A new document reports its analysis and caret while it is the selected one. */
    private void follow(Document document) {
        ConfigEditor editor = document.editor();
        editor.analysisProperty().addListener((o, was, now) -> {
            if (document == tabs.current()) {
                showAnalysis(now);
            }
            if (watcher != null && now != null) {
                watcher.watchFolderOf(now.path());
                if (now.lint() != null) {
                    now.lint().model().files().forEach(f -> watcher.watchFolderOf(f.path()));
                }
            }
        });
        editor.caretProperty().addListener((o, was, now) -> {
            if (document == tabs.current()) {
                status.showCaret(editor.caretLine(), editor.caretColumn());
            }
        });
    }

    /** The window (title, Problems, include tree, status bar) shows the selected document. */
    private void showCurrent(Document document) {
        ConfigEditor editor = document.editor();
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> (editor.modifiedProperty().get() ? "*" : "") + document.name() + " — Handshake",
                editor.modifiedProperty(), document.nameProperty()));
        Analysis latest = editor.analysisProperty().get();
        if (latest != null && latest.path().equals(analysedPath(document))) {
            showAnalysis(latest);
        } else {
            showAnalysing(document);
        }
        status.showCaret(editor.caretLine(), editor.caretColumn());
        showEncoding(editor.opened());
        editor.requestFocus();
    }

    /** The selected document's editor. */
    ConfigEditor editor() {
        return tabs.current().editor();
    }

    EditorTabs tabs() {
        return tabs;
    }

    ProblemsPanel problems() {
        return problems;
    }

    QuickFixes quickFixes() {
        return tabs.current().quickFixes();
    }

    /**
     * Opens links with {@code browser} (the app's host services); null copies them to the clipboard
     * instead. A browser that fails only logs, so the link is put on the clipboard in both cases.
     */
    public void useBrowser(Consumer<String> browser) {
        tabs.onOpenUrl(url -> {
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

    private DiskWatcher startWatcher() {
        try {
            return new DiskWatcher(this::onDiskChange);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return null; // no watching here: changes on disk are still caught when saving
        }
    }

    StatusBar status() {
        return status;
    }

    NginxTests nginxTests() {
        return nginxTests;
    }

    Navigator navigator() {
        return tabs.current().navigator();
    }

    RecentFiles recent() {
        return recent;
    }

    Stage stage() {
        return stage;
    }

    /** Until the first analysis of {@code document} arrives, nothing of the previous file stays on screen. */
    private void showAnalysing(Document document) {
        problems.clear("Analysing " + document.name() + "…");
        includes.clear();
        status.showBusy("Analysing " + document.name() + "…");
    }

    private static Path analysedPath(Document document) {
        Path file = document.editor().pathProperty().get();
        return file != null ? file : Path.of("untitled.conf").toAbsolutePath();
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
        Optional<Document> already = tabs.find(normal);
        if (already.isPresent() && already.get() != tabs.current()) {
            tabs.select(already.get());
            return true;
        }
        show(normal, normal.getFileName().toString(), source, DiskSnapshot.of(normal, bytes));
        recent.add(normal);
        status.showMessage(SourceFiles.isLarge(source) ? "Large file: live analysis is limited to colours" : "");
        return true;
    }

    private void show(Path file, String title, SourceText source, DiskSnapshot disk) {
        Document document = tabs.current();
        document.show(file, title, source, disk);
        showAnalysing(document);
        document.editor().requestFocus();
        showEncoding(source);
    }

    private void showEncoding(SourceText source) {
        status.showEncoding(source.charset().name() + (source.hasBom() ? " BOM" : "") + "  "
                + (source.eol().equals("\r\n") ? "CRLF" : "LF"));
    }

    void openWithChooser() {
        FileChooser chooser = chooser("Open nginx config");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            openFromUser(chosen.toPath());
        }
    }

    /**
     * File > Open, Open Recent and a dropped file: a tab of its own (or the file's open tab), except
     * that an untouched untitled buffer or example is replaced rather than kept beside it.
     */
    boolean openFromUser(Path file) {
        return tabs.current().isPristine() ? open(file) : openInTab(file);
    }

    /** File > New: an empty untitled buffer in a new tab. */
    void newFile() {
        tabs.addUntitled();
    }

    /**
     * Opens {@code file} in a tab of its own, or selects its tab when it is already open.
     *
     * @return whether the file is now the selected document
     */
    /** The editor of {@code file}: its open tab, or a new tab; the current tab stays selected. */
    Optional<ConfigEditor> editorOf(Path file) {
        Document previous = tabs.current();
        if (!openInTab(file)) {
            return Optional.empty();
        }
        ConfigEditor found = tabs.current().editor();
        tabs.select(previous);
        return Optional.of(found);
    }

    boolean openInTab(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        Optional<Document> already = tabs.find(normal);
        if (already.isPresent()) {
            tabs.select(already.get());
            return true;
        }
        Document previous = tabs.current();
        Document added = tabs.add();
        if (!open(normal)) {
            tabs.select(previous);
            tabs.close(added);
            return false;
        }
        return true;
    }

    /** An include that reaches no file, chosen in the tree: selects it when it is in this file. */
    private void showMissingInclude(IncludeTree.Entry entry) {
        if (entry.from().equals(editor().pathProperty().get())) {
            editor().select(entry.include());
        }
        status.showMessage(entry.label() + ": the include reaches no file");
    }

    IncludeTree includes() {
        return includes;
    }

    void openRecent(Path file) {
        openFromUser(file);
    }

    FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("nginx config", "*.conf", "nginx.conf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path savedPath = savedPath();
        if (savedPath != null && savedPath.getParent() != null) {
            chooser.setInitialDirectory(savedPath.getParent().toFile());
        }
        return chooser;
    }

    /** Saves the selected document to the file it came from (Save As for the example). */
    public boolean save() {
        return tabs.current().save();
    }

    public void setReviewBeforeSave(boolean review) {
        reviewBeforeSave = review;
    }

    boolean reviewBeforeSave() {
        return reviewBeforeSave;
    }

    /** With {@code true}, saving keeps the file's previous content as {@code NAME.bak}. */
    public void setBackupOnSave(boolean backup) {
        backupOnSave = backup;
    }

    boolean backupOnSave() {
        return backupOnSave;
    }

    boolean saveAs() {
        return tabs.current().saveAs();
    }

    /** Writes the selected buffer to {@code file}, which becomes the buffer's file. */
    boolean saveAs(Path file) {
        return tabs.current().saveAs(file);
    }

    /** The file the buffer was read from or saved to, or {@code null} for the example or a new buffer. */
    Path savedPath() {
        return tabs.current().savedPath();
    }

    String name() {
        return tabs.current().name();
    }

    void showStatus(String message) {
        status.showMessage(message);
    }

    /** The selected buffer encoded the way the file was read: same charset, BOM and line endings. */
    byte[] bytesToSave() {
        return tabs.current().bytesToSave();
    }

    /** Closes the selected tab (the last one becomes an empty untitled buffer). */
    void closeFile() {
        if (tabs.close(tabs.current())) {
            status.showMessage("");
        }
    }

    /** When the selected buffer is modified, asks to save it first; false means the user cancelled. */
    boolean confirmDiscard() {
        return tabs.current().confirmDiscard();
    }

    void error(String header, String text) {
        Alerts.error(stage, header, text);
    }

    /** Shows a finding: selects it in the editor (opening its file when it is an included one). */
    void jump(Diagnostic d) {
        if (!d.file().equals(editor().pathProperty().get()) && !openInTab(d.file())) {
            return;
        }
        editor().select(d.range());
        status.showMessage(d.message());
    }

    void exit() {
        if (tabs.confirmDiscardAll()) {
            stage.hide();
        }
    }

    public void dispose() {
        tabs.dispose();
        if (watcher != null) {
            watcher.close();
        }
    }

    /**
     * A file changed on disk: an unmodified tab showing it reloads, a modified one is told (Save then
     * asks to overwrite or reload), and every tab whose analysis read it analyses again.
     */
    void onDiskChange(Path file) {
        for (Document document : tabs.all()) {
            Path shown = document.editor().pathProperty().get();
            if (file.equals(shown) && document.savedPath() != null && document.changedOnDisk()) {
                if (!document.editor().modifiedProperty().get()) {
                    if (document.reloadFromDisk()) {
                        status.showMessage("Reloaded " + document.name() + ": it changed on disk");
                    }
                } else {
                    status.showMessage(document.name() + " changed on disk; Save will ask to overwrite or reload");
                }
            }
        }
        for (Document document : tabs.all()) {
            Analysis latest = document.editor().analysisProperty().get();
            if (latest != null && latest.lint() != null && latest.lint().model().file(file).isPresent()
                    && !file.equals(document.editor().pathProperty().get())) {
                document.editor().reanalyse();
            }
        }
    }
}
