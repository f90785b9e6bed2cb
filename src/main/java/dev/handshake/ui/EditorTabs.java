package dev.handshake.ui;

import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The open documents as tabs. New documents get the window's linter, font size and link opener; the
 * selected tab is the current document, which the rest of the window follows. There is always a tab:
 * closing the last one leaves an empty untitled buffer.
 */
final class EditorTabs {

    private static final String UNTITLED = "untitled.conf";

    private final MainWindow window;
    private final StatusBar status;
    private final Consumer<Document> onAdded;
    private final TabPane pane = new TabPane();
    private final ReadOnlyObjectWrapper<Document> current = new ReadOnlyObjectWrapper<>();
    private Linter linter;
    private int fontSize;
    private Consumer<String> urlOpener = url -> { };

    EditorTabs(MainWindow window, StatusBar status, Linter linter, Consumer<Document> onAdded) {
        this.window = window;
        this.status = status;
        this.linter = linter;
        this.onAdded = onAdded;
        pane.setId("editor-tabs");
        pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                current.set(now == null ? null : (Document) now.getUserData()));
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
        Document document = new Document(window, linter, status);
        document.editor().onOpenUrl(urlOpener);
        if (fontSize > 0) {
            document.editor().setFontSize(fontSize);
        }
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

    void select(Document document) {
        pane.getSelectionModel().select(document.tab());
    }

    /** Closes {@code document} after asking about unsaved changes; false means the user cancelled. */
    boolean close(Document document) {
        if (!document.confirmDiscard()) {
            return false;
        }
        if (pane.getTabs().size() == 1) {
            document.show(null, UNTITLED, SourceText.of(""), null);
            return true;
        }
        pane.getTabs().remove(document.tab());
        document.editor().dispose();
        return true;
    }

    /** Asks about every modified document in turn; false when the user cancelled one. */
    boolean confirmDiscardAll() {
        for (Document document : all()) {
            if (document.editor().modifiedProperty().get()) {
                select(document);
                if (!document.confirmDiscard()) {
                    return false;
                }
            }
        }
        return true;
    }

    void setLinter(Linter newLinter) {
        linter = newLinter;
        all().forEach(document -> document.editor().setLinter(newLinter));
    }

    void setFontSize(int pixels) {
        fontSize = pixels;
        all().forEach(document -> document.editor().setFontSize(pixels));
    }

    void onOpenUrl(Consumer<String> opener) {
        urlOpener = opener;
        all().forEach(document -> document.editor().onOpenUrl(opener));
    }

    void dispose() {
        all().forEach(document -> document.editor().dispose());
    }
}
