package dev.handshake.ui;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.AnalysisScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The open documents as tabs. Each document follows the window's settings and linter itself (the tabs
 * keep no copy of them); the selected tab is the current document, which the rest of the window
 * follows. There is always a tab: closing the last one leaves an empty untitled buffer.
 */
final class EditorTabs {

    private static final String UNTITLED = "untitled.conf";

    private final Document.Needs needs;
    private final Consumer<Document> onAdded;
    private final TabPane pane = new TabPane();
    private final ReadOnlyObjectWrapper<Document> current = new ReadOnlyObjectWrapper<>();
    private Recovery recovery = Recovery.off();

    /** @param onAdded told of each new document before its tab is selected */
    EditorTabs(Document.Needs needs, Consumer<Document> onAdded) {
        this.needs = needs;
        this.onAdded = onAdded;
        pane.setId("editor-tabs");
        pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                current.set(now == null ? null : (Document) now.getUserData()));
    }

    /** Keeps recovery copies of the modified documents through {@code kept} from now on. */
    void useRecovery(Recovery kept) {
        recovery.dispose();
        recovery = kept;
    }

    Recovery recovery() {
        return recovery;
    }

    /** Adds an empty untitled document and selects it. */
    Document addUntitled() {
        Document document = add();
        document.show(null, UNTITLED, SourceText.of(""), null);
        return document;
    }

    Node node() {
        return pane;
    }

    ReadOnlyObjectProperty<Document> currentProperty() {
        return current.getReadOnlyProperty();
    }

    Document current() {
        return current.get();
    }

    List<Document> all() {
        return pane.getTabs().stream().map(tab -> (Document) tab.getUserData()).toList();
    }

    /** The open document showing {@code file}, if any. */
    Optional<Document> find(Path file) {
        return all().stream().filter(document -> document.shows(file)).findFirst();
    }

    /** Adds an empty document in a new tab and selects it; the caller loads it. */
    Document add() {
        Document document = new Document(needs);
        document.editor().useScopes(file -> scopeFor(document, file));
        document.editor().onEdited(() -> {
            dependentsOf(document).forEach(d -> d.editor().reanalyse());
            recovery.edited(document);
        });
        document.editor().modifiedProperty().addListener((o, was, now) -> {
            if (!now) {
                recovery.forget(document); // saved, reverted or undone to the saved text
                // Saved (or undone to the saved text): what the others read from disk changed too.
                dependentsOf(document).forEach(d -> d.editor().reanalyse());
            }
        });
        Tab tab = document.tab();
        tab.setOnCloseRequest(e -> {
            e.consume();
            close(document);
        });
        onAdded.accept(document);
        pane.getTabs().add(tab);
        pane.getSelectionModel().select(tab);
        return document;
    }

    /**
     * How {@code self}'s buffer (showing {@code file}) is analysed: in the context of the first other
     * open config whose latest analysis includes that file, else on its own; either way with every
     * open buffer in place of its file on disk.
     */
    AnalysisScope scopeFor(Document self, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        Map<Path, SourceText> buffers = new HashMap<>();
        Path root = normal;
        for (Document other : all()) {
            Path shown = other.editor().pathProperty().get();
            if (other == self || shown == null) {
                continue;
            }
            // Every open buffer, not only modified ones: what the user sees is what is analysed.
            buffers.put(shown, other.editor().source());
            if (root.equals(normal) && analysedAsRootIncluding(other, normal)) {
                root = shown;
            }
        }
        return new AnalysisScope(root, buffers);
    }

    /** True when {@code other} was last analysed as a main config and that analysis loaded {@code file}. */
    private static boolean analysedAsRootIncluding(Document other, Path file) {
        Analysis latest = other.editor().analysisProperty().get();
        if (latest == null || latest.lint() == null) {
            return false;
        }
        ConfigModel model = latest.lint().model();
        return model.main().path().equals(latest.path()) && model.file(file).isPresent();
    }

    /** The other documents whose latest analysis read {@code changed}'s file. */
    List<Document> dependentsOf(Document changed) {
        Path file = changed.editor().pathProperty().get();
        if (file == null) {
            return List.of();
        }
        return all().stream().filter(d -> d != changed).filter(d -> {
            Analysis latest = d.editor().analysisProperty().get();
            return latest != null && latest.lint() != null && latest.lint().model().file(file).isPresent();
        }).toList();
    }

    void select(Document document) {
        pane.getSelectionModel().select(document.tab());
    }

    /** Closes {@code document} after asking about unsaved changes; false means the user cancelled. */
    boolean close(Document document) {
        if (!document.confirmDiscard()) {
            return false;
        }
        recovery.closed(document);
        if (pane.getTabs().size() == 1) {
            document.show(null, UNTITLED, SourceText.of(""), null);
            return true;
        }
        pane.getTabs().remove(document.tab());
        document.dispose();
        return true;
    }

    /**
     * Saves every modified document. With the review on, the files that can simply be written are
     * reviewed together, one tab per file ({@link dev.handshake.ui.review.FilesReviewDialog}); a new
     * buffer (Save As) or a file changed on disk (Overwrite / Reload) goes through its own Save first.
     * False when the user cancelled.
     */
    boolean saveAll() {
        List<Document> modified = all().stream().filter(d -> d.editor().modifiedProperty().get()).toList();
        List<Document> together = new ArrayList<>();
        for (Document document : modified) {
            if (document.savedPath() == null || document.changedOnDisk()) {
                select(document);
                if (!document.save()) {
                    return false;
                }
            } else {
                together.add(document);
            }
        }
        if (together.size() < 2 || !needs.settings().get().reviewBeforeSave()) {
            return together.stream().allMatch(Document::save);
        }
        Map<String, dev.handshake.ui.review.SaveReviewDialog> pages = new LinkedHashMap<>();
        List<Document> reviewed = new ArrayList<>();
        for (Document document : together) {
            Optional<dev.handshake.ui.review.SaveReviewDialog> page = document.reviewPage();
            if (page.isPresent()) {
                pages.put(uniqueName(document, pages.keySet()), page.get());
                reviewed.add(document);
            } else if (!document.saveReviewed(document.editor().text())) {
                return false;
            }
        }
        if (pages.isEmpty()) {
            return true;
        }
        Optional<List<String>> accepted = new dev.handshake.ui.review.FilesReviewDialog(needs.owner(), pages).showAndWait();
        if (accepted.isEmpty()) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < reviewed.size(); i++) {
            all &= reviewed.get(i).saveReviewed(accepted.get().get(i));
        }
        return all;
    }

    /** The document's name, or its folder and name when another changed file has the same name. */
    private static String uniqueName(Document document, java.util.Set<String> taken) {
        String name = document.name();
        return taken.contains(name) ? document.savedPath().getParent().getFileName() + "/" + name : name;
    }

    /** Asks about every modified document in turn; false when the user cancelled one. */
    boolean confirmDiscardAll() {
        for (Document document : all()) {
            if (document.editor().modifiedProperty().get()) {
                select(document);
                if (!document.confirmDiscard()) {
                    return false;
                }
                recovery.closed(document); // saved or Don't Save: the window is closing
            }
        }
        return true;
    }

    void dispose() {
        all().forEach(Document::dispose);
        recovery.dispose();
    }
}
