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

    /**
     * One row: a finding and where it is, for display. A row whose display (severity, message, rule,
     * file, line) is unchanged by a new analysis stays in the list; only its finding is replaced, so a
     * jump goes to where the finding is now (an edit above it moves its range, not its row).
     */
    static final class Problem {
        private Diagnostic diagnostic;
        private final String location;
        private final int line;

        Problem(Diagnostic diagnostic, String location, int line) {
            this.diagnostic = diagnostic;
            this.location = location;
            this.line = line;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }

        String location() {
            return location;
        }

        int line() {
            return line;
        }

        /** True when {@code other} at {@code otherLine} would be shown exactly as this row. */
        boolean showsAs(Diagnostic other, int otherLine) {
            Diagnostic d = diagnostic;
            return line == otherLine && d.severity() == other.severity() && d.rule().equals(other.rule())
                    && d.message().equals(other.message()) && d.file().equals(other.file());
        }

        @Override
        public String toString() {
            return location + " " + diagnostic.rule() + " " + diagnostic.message();
        }
    }

    private final ObservableList<Problem> all = FXCollections.observableArrayList();
    private final FilteredList<Problem> filtered = new FilteredList<>(all);
    private final TableView<Problem> table = new TableView<>();
    private final Map<Severity, ToggleButton> filters = new EnumMap<>(Severity.class);
    private final BorderPane pane = new BorderPane();
    /** One tooltip for every cell, given the hovered cell's text (a tooltip each is a popup window each). */
    private final Tooltip tip = new Tooltip();
    /** File names as rows show them, kept across analyses (most rows of a large file share one). */
    private final Map<java.nio.file.Path, String> names = new java.util.HashMap<>();

    ProblemsPanel(Consumer<Diagnostic> jump) {
        table.setId("problems-table");
        SortedList<Problem> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No problems found"));
        table.getColumns().add(severityColumn());
        table.getColumns().add(column("Message", p -> p.diagnostic().message(), 560, Comparator.naturalOrder(), tip));
        table.getColumns().add(column("Rule", p -> p.diagnostic().rule(), 190, Comparator.naturalOrder(), tip));
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
            toggle.setTooltip(new Tooltip());
            toggle.selectedProperty().addListener((o, was, now) -> {
                refilter();
                updateFilterLabels();
            });
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
        empty = why;
        updateFilterLabels();
    }

    /**
     * Shows the findings of {@code analysis} (those in included files too). Only what changed since the
     * rows shown is applied: the rows before and after the first and last change stay as they are (their
     * findings replaced by the new ones), so one edit re-lays the few rows it changed, not all of them.
     */
    void show(Analysis analysis) {
        empty = "No problems found";
        List<Diagnostic> found = analysis.lint() != null ? analysis.lint().diagnostics() : analysis.diagnostics();
        int n = found.size();
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            Diagnostic d = found.get(i);
            lines[i] = analysis.lineOf(d.file(), d.range().start());
        }
        int old = all.size();
        int prefix = 0;
        while (prefix < Math.min(old, n) && all.get(prefix).showsAs(found.get(prefix), lines[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(old, n) - prefix
                && all.get(old - 1 - suffix).showsAs(found.get(n - 1 - suffix), lines[n - 1 - suffix])) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            all.get(i).diagnostic = found.get(i);
        }
        for (int i = 0; i < suffix; i++) {
            all.get(old - 1 - i).diagnostic = found.get(n - 1 - i);
        }
        List<Problem> middle = new ArrayList<>(n - prefix - suffix);
        for (int i = prefix; i < n - suffix; i++) {
            Diagnostic d = found.get(i);
            String file = names.computeIfAbsent(d.file(), f -> String.valueOf(f.getFileName()));
            middle.add(new Problem(d, file + ":" + lines[i], lines[i]));
        }
        if (old - suffix > prefix) {
            all.remove(prefix, old - suffix);
        }
        if (!middle.isEmpty()) {
            all.addAll(prefix, middle);
        }
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

    /** What the table says when it shows no row: why, and when the filters hide rows, how many. */
    private String empty = "No problems found";

    private void updatePlaceholder() {
        long hidden = all.stream().filter(p -> !filters.get(p.diagnostic().severity()).isSelected()).count();
        String text = all.isEmpty() || hidden == 0 ? empty
                : "No problems shown: " + hidden + " hidden by the filters above";
        if (!(table.getPlaceholder() instanceof Label shown) || !shown.getText().equals(text)) {
            Label label = new Label(text);
            label.setId("problems-placeholder");
            table.setPlaceholder(label);
        }
    }

    private void updateFilterLabels() {
        updatePlaceholder();
        int[] counts = new int[Severity.values().length];
        for (Problem p : all) {
            counts[p.diagnostic().severity().ordinal()]++;
        }
        for (Map.Entry<Severity, ToggleButton> e : filters.entrySet()) {
            int n = counts[e.getKey().ordinal()];
            String name = switch (e.getKey()) {
                case ERROR -> "Errors";
                case WARNING -> "Warnings";
                case INFO -> "Info";
            };
            ToggleButton toggle = e.getValue();
            toggle.setText(name + " (" + n + ")");
            // Says what the panel does with these rows now, and what a click would do (the pressed look
            // alone did not read as "shown", least of all in the dark theme).
            String rows = name.toLowerCase(java.util.Locale.ROOT);
            toggle.getTooltip().setText(toggle.isSelected() ? "Showing " + rows + ": click to hide them"
                    : "Hiding " + rows + ": click to show them");
        }
    }

    private static TableColumn<Problem, String> column(String name, Function<Problem, String> value,
                                                       double width, Comparator<String> order, Tooltip tip) {
        TableColumn<Problem, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            {
                // The shared tooltip takes the text of the cell the mouse is on when it shows.
                setOnMouseEntered(e -> tip.setText(getText()));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : tip);
                if (isHover() && item != null) {
                    tip.setText(item);
                }
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
            /** The cell's marker, made once and restyled when the cell shows another severity. */
            private final Region icon = new Region();

            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                if (icon.getStyleClass().size() != 2 || !icon.getStyleClass().get(1).equals("gutter-" + item.label())) {
                    icon.getStyleClass().setAll("gutter-marker", "gutter-" + item.label());
                }
                setGraphic(icon);
                setText(item.label());
            }
        });
        column.setPrefWidth(100);
        return column;
    }
}
