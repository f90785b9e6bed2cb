package dev.handshake.ui;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.Directive;
import dev.handshake.ui.editor.Analysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * The opened file and everything it includes (globs expanded), as a tree beside the editor. A
 * double-click or Enter opens the file.
 */
final class IncludeTree {

    private final TreeView<Path> tree = new TreeView<>();
    private final BorderPane pane = new BorderPane();
    private List<String> shownShape = List.of();

    IncludeTree(Consumer<Path> open) {
        tree.setId("include-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                chosen(open);
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                chosen(open);
            }
        });
        Label title = new Label("Includes");
        title.getStyleClass().add("panel-title");
        BorderPane header = new BorderPane(title);
        header.getStyleClass().add("panel-header");
        header.setStyle("-fx-padding: 4 8 4 8;");
        BorderPane.setAlignment(title, Pos.CENTER_LEFT);
        pane.setTop(header);
        pane.setCenter(tree);
        pane.setMinWidth(140);
        pane.getStyleClass().add("include-panel");
    }

    Node node() {
        return pane;
    }

    /** Shows the include tree of {@code analysis}'s model; unchanged trees are left alone. */
    void show(Analysis analysis) {
        if (analysis.lint() == null) {
            return;
        }
        ConfigModel model = analysis.lint().model();
        List<String> shape = new ArrayList<>();
        TreeItem<Path> root = item(model, model.main(), new HashSet<>(), shape, 0);
        if (shape.equals(shownShape)) {
            return;
        }
        shownShape = shape;
        tree.setRoot(root);
    }

    private static TreeItem<Path> item(ConfigModel model, ConfigFile file, Set<Path> onPath, List<String> shape, int depth) {
        TreeItem<Path> item = new TreeItem<>(file.path());
        item.setExpanded(true);
        shape.add(depth + ":" + file.path());
        if (!onPath.add(file.path())) {
            return item;
        }
        for (Directive d : file.tree().directives()) {
            if (d.name().equals("include")) {
                for (ConfigFile included : model.includedBy(d)) {
                    item.getChildren().add(item(model, included, onPath, shape, depth + 1));
                }
            }
        }
        onPath.remove(file.path());
        return item;
    }

    /** The paths shown, depth first, for tests. */
    List<Path> shownPaths() {
        List<Path> paths = new ArrayList<>();
        collect(tree.getRoot(), paths);
        return paths;
    }

    private static void collect(TreeItem<Path> item, List<Path> into) {
        if (item == null) {
            return;
        }
        into.add(item.getValue());
        for (TreeItem<Path> child : item.getChildren()) {
            collect(child, into);
        }
    }

    private void chosen(Consumer<Path> open) {
        TreeItem<Path> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null) {
            open.accept(selected.getValue());
        }
    }
}
