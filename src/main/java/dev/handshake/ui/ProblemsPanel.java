package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Severity;
import dev.handshake.ui.editor.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Every finding of the configuration in a table: severity, message, rule, file:line. Sortable by any
 * column, filterable by severity; a click or Enter on a row jumps to the finding.
 */
final class ProblemsPanel {

    /** One row: a finding and where it is, for display. */
    record Problem(Diagnostic diagnostic, String location, int line) {
    }

    private final ObservableList<Problem> all = FXCollections.observableArrayList();
    private final FilteredList<Problem> filtered = new FilteredList<>(all);
    private final TableView<Problem> table = new TableView<>();
    private final Map<Severity, ToggleButton> filters = new EnumMap<>(Severity.class);
    private final BorderPane pane = new BorderPane();

    ProblemsPanel(Consumer<Diagnostic> jump) {
        table.setId("problems-table");
        SortedList<Problem> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No problems found"));
        table.getColumns().add(severityColumn());
        table.getColumns().add(column("Message", p -> p.diagnostic().message(), 560, Comparator.naturalOrder()));
        table.getColumns().add(column("Rule", p -> p.diagnostic().rule(), 190, Comparator.naturalOrder()));
        table.getColumns().add(locationColumn());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setOnMouseClicked(e -> selected(jump));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selected(jump);
                e.consume();
            }
        });
        Label title = new Label("Problems");
        title.getStyleClass().add("panel-title");
        HBox header = new HBox(8, title);
        for (Severity severity : Severity.values()) {
            ToggleButton toggle = new ToggleButton();
            toggle.setSelected(true);
            toggle.setId("filter-" + severity.label());
            toggle.getStyleClass().add("severity-filter");
            toggle.selectedProperty().addListener((o, was, now) -> refilter());
            filters.put(severity, toggle);
            header.getChildren().add(toggle);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(3, 8, 3, 8));
        header.getStyleClass().add("panel-header");
        pane.setTop(header);
        pane.setCenter(table);
        pane.getStyleClass().add("problems-panel");
        updateFilterLabels();
    }

    Node node() {
        return pane;
    }

    /** Empties the list while a new file is analysed, saying so where the rows would be. */
    void clear(String why) {
        all.clear();
        table.setPlaceholder(new Label(why));
        updateFilterLabels();
    }

    /** Shows the findings of {@code analysis} (those in included files too). */
    void show(Analysis analysis) {
        table.setPlaceholder(new Label("No problems found"));
        List<Problem> rows = new ArrayList<>();
        List<Diagnostic> found = analysis.lint() != null ? analysis.lint().diagnostics() : analysis.diagnostics();
        for (Diagnostic d : found) {
            int line = analysis.lineOf(d.file(), d.range().start());
            rows.add(new Problem(d, d.file().getFileName() + ":" + line, line));
        }
        all.setAll(rows);
        updateFilterLabels();
    }

    /** Rows as shown (filtered and sorted), for keyboard navigation and tests. */
    List<Problem> visibleRows() {
        return List.copyOf(table.getItems());
    }

    private void selected(Consumer<Diagnostic> jump) {
        Problem chosen = table.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            jump.accept(chosen.diagnostic());
        }
    }

    private void refilter() {
        filtered.setPredicate(p -> filters.get(p.diagnostic().severity()).isSelected());
    }

    private void updateFilterLabels() {
        for (Map.Entry<Severity, ToggleButton> e : filters.entrySet()) {
            long n = all.stream().filter(p -> p.diagnostic().severity() == e.getKey()).count();
            String name = switch (e.getKey()) {
                case ERROR -> "Errors";
                case WARNING -> "Warnings";
                case INFO -> "Info";
            };
            e.getValue().setText(name + " (" + n + ")");
        }
    }

    private static TableColumn<Problem, String> column(String name, Function<Problem, String> value,
                                                       double width, Comparator<String> order) {
        TableColumn<Problem, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return column;
    }

    private static TableColumn<Problem, Problem> locationColumn() {
        TableColumn<Problem, Problem> column = new TableColumn<>("Location");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing((Problem p) -> p.diagnostic().file().toString())
                .thenComparingInt(Problem::line));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.location());
            }
        });
        column.setPrefWidth(170);
        return column;
    }

    private static TableColumn<Problem, Severity> severityColumn() {
        TableColumn<Problem, Severity> column = new TableColumn<>("Severity");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().diagnostic().severity()));
        column.setComparator(Comparator.naturalOrder());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Region icon = new Region();
                icon.getStyleClass().addAll("gutter-marker", "gutter-" + item.label());
                setGraphic(icon);
                setText(item.label());
            }
        });
        column.setPrefWidth(100);
        return column;
    }
}
