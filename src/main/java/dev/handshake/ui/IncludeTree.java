package dev.handshake.ui;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.IncludeOutline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The side panel of the opened file's includes, globs expanded, as nginx reads them: each file under
 * the file that includes it, an include that reaches nothing in red. Rebuilt after each analysis when
 * the includes changed; double-click (or Enter) opens a file, or shows the include that reaches nothing.
 */
final class IncludeTree {

    /**
     * One entry: a file, or an include that reached no file.
     *
     * @param file    the file, or {@code null} for an include that reached nothing
     * @param label   what the tree shows
     * @param from    the file holding the include, or {@code null} for the root
     * @param include the include directive's range in {@code from}, or {@code null} for the root
     */
    record Entry(Path file, String label, Path from, TextRange include) {

        boolean missing() {
            return file == null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TreeView<Entry> tree = new TreeView<>();
    private final BorderPane pane = new BorderPane();
    private final Consumer<Path> open;
    private final Consumer<Entry> missing;
    /** The outline on screen (or why there is none), {@code null} when nothing is. */
    private Object shown;

    /**
     * @param open    opens a file chosen in the tree
     * @param missing shows an include that reaches no file
     */
    IncludeTree(Consumer<Path> open, Consumer<Entry> missing) {
        this.open = open;
        this.missing = missing;
        tree.setId("include-tree");
        tree.getStyleClass().add("include-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new EntryCell());
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        Label title = new Label("Includes");
        title.getStyleClass().add("panel-title");
        BorderPane header = new BorderPane(null, null, null, null, title);
        header.getStyleClass().add("panel-header");
        header.setStyle("-fx-padding: 4 8 4 8;");
        pane.setTop(header);
        pane.setCenter(tree);
        pane.setMinWidth(120);
        pane.getStyleClass().add("include-panel");
    }

    Node node() {
        return pane;
    }

    TreeView<Entry> view() {
        return tree;
    }

    private void openSelected() {
        TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null) {
            Entry entry = selected.getValue();
            if (entry.missing()) {
                missing.accept(entry);
            } else {
                open.accept(entry.file());
            }
        }
    }

    /** The files shown, depth first (includes that reach nothing left out), for tests. */
    List<Path> shownPaths() {
        List<Path> paths = new ArrayList<>();
        collect(tree.getRoot(), paths);
        return paths;
    }

    private static void collect(TreeItem<Entry> item, List<Path> into) {
        if (item == null) {
            return;
        }
        if (!item.getValue().missing()) {
            into.add(item.getValue().file());
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            collect(child, into);
        }
    }

    /** Empties the tree while a new file is analysed. */
    void clear() {
        shown = null;
        tree.setRoot(null);
    }

    /**
     * Shows the includes of an analysis; keeps the tree (and what is expanded) when they did not change.
     * The outline is worked out with the analysis, in the background; here it is only compared.
     */
    void show(Analysis analysis) {
        if (analysis == null) {
            return;
        }
        Object outline = analysis.lint() != null ? IncludeOutline.of(analysis.lint().model())
                : analysis.path() + " (includes not read)";
        if (outline.equals(shown)) {
            return;
        }
        shown = outline;
        tree.setRoot(outline instanceof IncludeOutline files ? item(files)
                : new TreeItem<>(new Entry(analysis.path(), analysis.path().getFileName() + " (includes not read)", null, null)));
    }

    /** The tree of files reached from the model's main file, each file once per place it is included. */
    static TreeItem<Entry> build(ConfigModel model) {
        return item(IncludeOutline.of(model));
    }

    private static TreeItem<Entry> item(IncludeOutline outline) {
        TreeItem<Entry> item = new TreeItem<>(new Entry(outline.file(), outline.label(), outline.from(), outline.include()));
        item.setExpanded(outline.file() != null);
        for (IncludeOutline child : outline.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    /** Shows a file's label and full path as its tooltip; an include that reached nothing in the error colour. */
    private static final class EntryCell extends TreeCell<Entry> {
        /** This cell's tooltip, made once and given the text of the entry the cell shows. */
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().remove("missing-include");
            if (empty || entry == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(entry.label());
            if (entry.missing()) {
                getStyleClass().add("missing-include");
            }
            setTooltip(tip);
            tip.setText(entry.missing() ? "This include reaches no file" : entry.file().toString());
        }
    }
}
