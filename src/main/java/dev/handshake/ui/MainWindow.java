package dev.handshake.ui;

import dev.handshake.io.DiskSnapshot;
import dev.handshake.io.SourceFiles;
import dev.handshake.io.SourceReadException;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.recovery.Autosaver;
import dev.handshake.ui.recovery.RecoveryStore;
import dev.handshake.ui.settings.SettingsStore;
import dev.handshake.ui.theme.Themes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
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
    private final StatusBar status = new StatusBar();
    private final SettingsActions settings;
    private final EditorTabs tabs;
    private final ProblemsPanel problems;
    private final IncludeTree includes = new IncludeTree(this::openInTab, this::showMissingInclude);
    private final IncidentActions incidents;
    private final NginxTests nginxTests;
    private final DiskWatcher watcher;
    private final Exports exports;
    private final RecentFiles recent;
    private final ActionTable actions;
    private final BorderPane root = new BorderPane();
    private final MenuBar menuBar;
    private Consumer<String> browser;

    public MainWindow(Stage stage, Linter linter) {
        this(stage, linter, RecentFiles.standard());
    }

    MainWindow(Stage stage, Linter linter, RecentFiles recent) {
        this.stage = stage;
        this.recent = recent;
        settings = new SettingsActions(linter, stage, status::showMessage);
        tabs = new EditorTabs(new Document.Needs(stage, status, settings.property(), settings.linterProperty(), recent,
                this::editorOf, this::openUrl), this::follow);
        problems = new ProblemsPanel(this::jump);
        incidents = new IncidentActions(this::editor, this::openInTab, stage, status,
                () -> settings.current().defaultTrustedCa());
        nginxTests = new NginxTests(tabs, stage, this::openInTab, this::jump, status::showMessage,
                () -> settings.current().nginxPath());
        exports = new Exports(tabs::current, stage, status);
        watcher = startWatcher();
        actions = new ActionTable(actions());
        SplitPane split = new SplitPane(tabs.node(), problems.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        SplitPane sides = new SplitPane(includes.node(), split);
        sides.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(includes.node(), false);
        root.setCenter(sides);
        root.setBottom(status.node());
        menuBar = new Menus(actions, recent, this::openFromUser).menuBar();
        root.setTop(menuBar);
        Themes.show(root, settings.current().theme());
        settings.property().addListener((o, was, now) -> Themes.show(root, now.theme()));
        tabs.currentProperty().addListener((o, was, now) -> {
            if (now != null) {
                showCurrent(now);
            }
        });
        tabs.addUntitled();
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("/ui/handshake.css").toExternalForm());
        actions.bindAlternates(scene);
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

    /**
     * Every command of the window, defined once; those that work on a document are disabled while there
     * is none. The editor's right-click and gutter lightbulb run Show Quick Fixes from here.
     */
    private List<Action> actions() {
        BooleanBinding noDocument = tabs.currentProperty().isNull();
        Supplier<Document> current = tabs::current;
        return List.of(
                Action.of("New", "Shortcut+N", tabs::addUntitled),
                Action.of("Open…", "Shortcut+O", this::openWithChooser),
                Action.of("Save", "Shortcut+S", () -> current.get().save()).disabledWhen(noDocument),
                Action.of("Save As…", "Shortcut+Shift+S", () -> current.get().saveAs()).disabledWhen(noDocument),
                Action.of("Save All", "Shortcut+Alt+S", tabs::saveAll).disabledWhen(noDocument),
                Action.of("Close", "Shortcut+W", this::closeFile).disabledWhen(noDocument),
                Action.of("Export Patch…", "Shortcut+E", exports::exportPatch).disabledWhen(noDocument),
                Action.of("Export Patched File…", null, exports::exportCopy).disabledWhen(noDocument),
                Action.of("Copy Redacted", "Shortcut+Shift+R", exports::copyRedacted).disabledWhen(noDocument),
                Action.of("Open Example", null, () -> {
                    if (current.get() == null || current.get().confirmDiscard()) {
                        openExample();
                    }
                }),
                Action.of("Exit", "Shortcut+Q", this::exit),
                Action.of("Undo", "Shortcut+Z", () -> editor().undo()).disabledWhen(noDocument),
                Action.of("Redo", "Shortcut+Shift+Z", () -> editor().redo()).alsoOn("Shortcut+Y").disabledWhen(noDocument),
                Action.of("Find…", "Shortcut+F", () -> editor().showFind(false)).disabledWhen(noDocument),
                Action.of("Replace…", "Shortcut+H", () -> editor().showFind(true)).disabledWhen(noDocument),
                Action.of("Go to Line…", "Shortcut+G", () -> current.get().navigator().goToLine()).disabledWhen(noDocument),
                Action.of("Toggle Comment", "Shortcut+Slash", () -> editor().toggleComment()).disabledWhen(noDocument),
                Action.of("Format Document", "Shortcut+Alt+L", () -> status.showMessage(
                        editor().formatDocument().orElse("Formatted"))).disabledWhen(noDocument),
                Action.of("Format Selection", "Shortcut+Alt+Shift+L", () -> status.showMessage(
                        editor().formatSelection().orElse("Formatted the selected lines"))).disabledWhen(noDocument),
                Action.of("Complete", "Shortcut+Space", () -> editor().showCompletion()).disabledWhen(noDocument),
                Action.of("Settings…", "Shortcut+Comma", settings::edit),
                Action.of("Show Quick Fixes", "Alt+Enter", () -> current.get().quickFixes().showAtCaret())
                        .alsoOn("Shortcut+Period").disabledWhen(noDocument),
                Action.of("Fix All Safe Problems in File", "Shortcut+Alt+F", () -> current.get().quickFixes().fixAllSafe())
                        .disabledWhen(noDocument),
                Action.of("Next Problem", "F8", () -> current.get().navigator().nextProblem(true)).disabledWhen(noDocument),
                Action.of("Previous Problem", "Shift+F8", () -> current.get().navigator().nextProblem(false))
                        .disabledWhen(noDocument),
                Action.of("Test with nginx", "Shortcut+T", nginxTests::run).disabledWhen(noDocument),
                Action.of("Copy curl Check", "Shortcut+Shift+C", incidents::copyCurlCheck).disabledWhen(noDocument),
                Action.of("Locate Error Log Line…", "Shortcut+Shift+L", incidents::locateLogLine).disabledWhen(noDocument),
                Action.of("Next Located Block", "Shortcut+Shift+N", incidents::showNext).disabledWhen(noDocument),
                Action.of("Keyboard Shortcuts", "F1", () -> HelpWindows.showShortcuts(stage, menuBar)),
                Action.of("Rule Index", null, () -> HelpWindows.showRuleIndex(stage)),
                Action.of("About Handshake", null, () -> HelpWindows.showAbout(stage)));
    }

    ActionTable actionTable() {
        return actions;
    }

    /** A new document reports its analysis and caret while it is the selected one. */
    private void follow(Document document) {
        ConfigEditor editor = document.editor();
        editor.setQuickFixHandler(() -> actions.get("action-show-quick-fixes").run());
        editor.leaveToWindow(actions.keys());
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

    /**
     * Opens links with {@code browser} (the app's host services); null copies them to the clipboard
     * instead. A browser that fails only logs, so the link is put on the clipboard in both cases.
     */
    public void useBrowser(Consumer<String> opener) {
        browser = opener;
    }

    /** A link chosen in a hover card: to the browser set by {@link #useBrowser}, and the clipboard. */
    private void openUrl(String url) {
        IncidentActions.copy(url);
        if (browser != null) {
            browser.accept(url);
        }
        status.showMessage((browser != null ? "Opening in the browser, and copied " : "No browser available: copied ") + url);
    }

    /**
     * Keeps a recovery copy of each modified document in {@code store} from now on (the app does; test
     * windows do not unless they ask).
     */
    public void useRecovery(RecoveryStore store) {
        tabs.useRecovery(new Recovery(new Autosaver(store,
                line -> javafx.application.Platform.runLater(() -> status.showMessage(line))), Recovery.DELAY));
    }

    /**
     * Offers to restore the recovery files a previous session left (a crash or a kill): the dialog lists
     * each with its diff against the file on disk. A folder holding other files says so in the status bar.
     */
    public void offerRecovery() {
        Recovery recovery = tabs.recovery();
        if (!recovery.isOn()) {
            return;
        }
        RecoveryStore.Listing listing = recovery.store().list();
        listing.ignored().ifPresent(status::showMessage);
        if (!listing.entries().isEmpty()) {
            new RecoveryOffer(stage, listing.entries(), this::restore, recovery::discard).showAndWait();
        }
    }

    /**
     * Opens {@code entry}'s document with the recovered text, modified and not saved: its file when it can
     * be read (so Undo gives back the disk's text and saving keeps its encoding), else a fresh buffer.
     */
    void restore(RecoveryStore.Entry entry) {
        Path original = entry.original().orElse(null);
        boolean opened = original != null && Files.isRegularFile(original) && openFromUser(original);
        if (!opened) {
            if (!tabs.current().isPristine()) {
                tabs.add();
            }
            tabs.current().show(original, original == null ? entry.name() : original.getFileName().toString(),
                    SourceText.of(""), null);
        }
        Document document = tabs.current();
        tabs.recovery().adopt(document, entry);
        document.editor().replaceAll(entry.text());
        status.showMessage("Restored " + document.name() + " from its recovery copy; not saved yet");
    }

    /** Applies the settings stored in {@code store} and keeps later changes there. */
    public void useSettings(SettingsStore store) {
        settings.use(store);
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
            Alerts.error(stage, "Cannot open " + file.getFileName(), e.getMessage());
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
        FileChooser chooser = Choosers.config("Open nginx config", tabs.current() == null ? null : tabs.current().savedPath());
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

    /**
     * Opens {@code file} in a tab of its own, or selects its tab when it is already open.
     *
     * @return whether the file is now the selected document
     */
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

    /** Closes the selected tab (the last one becomes an empty untitled buffer). */
    void closeFile() {
        if (tabs.close(tabs.current())) {
            status.showMessage("");
        }
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
