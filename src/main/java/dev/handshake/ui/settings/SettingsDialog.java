package dev.handshake.ui.settings;

import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Edits {@link Settings}: a table of the rules (enabled, severity), the default CA bundle with a file
 * chooser, review-before-save, theme and font size. OK gives the new settings; Cancel gives none.
 */
public final class SettingsDialog extends Dialog<Settings> {

    /** The severity column's value for "as the rule declares". */
    static final String DEFAULT_SEVERITY = "default";

    /** One row of the rules table. */
    public static final class RuleRow {
        private final RuleMeta meta;
        private final SimpleBooleanProperty enabled;
        private final SimpleStringProperty severity;

        RuleRow(RuleMeta meta, boolean on, Severity override) {
            this.meta = meta;
            this.enabled = new SimpleBooleanProperty(on);
            this.severity = new SimpleStringProperty(override == null ? DEFAULT_SEVERITY : override.label());
        }

        public String id() {
            return meta.id();
        }

        public SimpleBooleanProperty enabledProperty() {
            return enabled;
        }

        public SimpleStringProperty severityProperty() {
            return severity;
        }
    }

    private final TableView<RuleRow> rules = new TableView<>();
    private final TextField caPath = new TextField();
    private final CheckBox review = new CheckBox("Review the diff before saving a changed file");
    private final ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
    private final Spinner<Integer> fontSize = new Spinner<>(Settings.MIN_FONT, Settings.MAX_FONT, Settings.DEFAULT_FONT);

    public SettingsDialog(Window owner, Settings current, List<RuleMeta> ruleMetas) {
        initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        setTitle("Settings");
        setHeaderText("Handshake settings");
        setResizable(true);
        getDialogPane().setId("settings-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        List<RuleRow> rows = new ArrayList<>();
        for (RuleMeta meta : ruleMetas) {
            rows.add(new RuleRow(meta, !current.disabledRules().contains(meta.id()),
                    current.severityOverrides().get(meta.id())));
        }
        rules.setId("settings-rules");
        rules.setEditable(true);
        rules.getItems().setAll(rows);
        rules.getColumns().setAll(List.of(enabledColumn(), idColumn(), severityColumn(), summaryColumn()));
        rules.setPrefHeight(240);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        caPath.setId("settings-ca-path");
        caPath.setPromptText("system bundle");
        caPath.setText(current.defaultCaPath() == null ? "" : current.defaultCaPath());
        HBox.setHgrow(caPath, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("settings-ca-browse");
        browse.setOnAction(e -> chooseCa());
        review.setId("settings-review");
        review.setSelected(current.reviewBeforeSave());
        theme.setId("settings-theme");
        theme.setValue(current.theme());
        fontSize.setId("settings-font-size");
        fontSize.setEditable(true);
        fontSize.getValueFactory().setValue(current.fontSize());

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Default CA bundle:"), new HBox(6, caPath, browse));
        grid.addRow(1, new Label("Theme:"), theme);
        grid.addRow(2, new Label("Editor font size:"), fontSize);
        grid.add(review, 1, 3);
        VBox content = new VBox(10, new Label("Rules"), rules, grid);
        VBox.setVgrow(rules, Priority.ALWAYS);
        content.setPrefWidth(760);
        getDialogPane().setContent(content);
        setResultConverter(button -> button == ButtonType.OK ? result(current) : null);
    }

    private static TableColumn<RuleRow, Boolean> enabledColumn() {
        TableColumn<RuleRow, Boolean> column = new TableColumn<>("On");
        column.setCellValueFactory(c -> c.getValue().enabledProperty());
        column.setCellFactory(CheckBoxTableCell.forTableColumn(column));
        column.setEditable(true);
        column.setPrefWidth(44);
        column.setMaxWidth(60);
        return column;
    }

    private static TableColumn<RuleRow, String> idColumn() {
        TableColumn<RuleRow, String> column = new TableColumn<>("Rule");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().id()));
        column.setEditable(false);
        column.setPrefWidth(220);
        return column;
    }

    private static TableColumn<RuleRow, String> severityColumn() {
        TableColumn<RuleRow, String> column = new TableColumn<>("Severity");
        column.setCellValueFactory(c -> c.getValue().severityProperty());
        List<String> choices = new ArrayList<>(List.of(DEFAULT_SEVERITY));
        for (Severity s : Severity.values()) {
            choices.add(s.label());
        }
        column.setCellFactory(c -> new SeverityCell(choices));
        column.setEditable(true);
        column.setPrefWidth(150);
        return column;
    }

    /** A severity choice that shows what "default" means for its rule: {@code default (error)}. */
    private static final class SeverityCell extends ComboBoxTableCell<RuleRow, String> {
        SeverityCell(List<String> choices) {
            super(FXCollections.observableArrayList(choices));
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            RuleRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (!empty && !isEditing() && DEFAULT_SEVERITY.equals(item) && row != null) {
                setText(DEFAULT_SEVERITY + " (" + row.meta.defaultSeverity().label() + ")");
            }
        }
    }

    private static TableColumn<RuleRow, String> summaryColumn() {
        TableColumn<RuleRow, String> column = new TableColumn<>("What it finds");
        column.setCellValueFactory(c -> new SimpleStringProperty(
                c.getValue().meta.summary()));
        column.setEditable(false);
        return column;
    }

    private void chooseCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Default CA bundle");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        String written = caPath.getText().trim();
        if (!written.isEmpty()) {
            File parent = Path.of(written).toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            caPath.setText(chosen.getAbsolutePath());
        }
    }

    /** The rows of the rules table, for tests. */
    public List<RuleRow> ruleRows() {
        return List.copyOf(rules.getItems());
    }

    private Settings result(Settings current) {
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> overrides = new HashMap<>();
        for (RuleRow row : rules.getItems()) {
            if (!row.enabled.get()) {
                disabled.add(row.id());
            }
            if (!DEFAULT_SEVERITY.equals(row.severity.get())) {
                overrides.put(row.id(), Severity.fromLabel(row.severity.get()));
            }
        }
        // Rules not shown (not in this build) keep what the file said.
        for (String id : current.disabledRules()) {
            if (rules.getItems().stream().noneMatch(r -> r.id().equals(id))) {
                disabled.add(id);
            }
        }
        current.severityOverrides().forEach((id, severity) -> {
            if (rules.getItems().stream().noneMatch(r -> r.id().equals(id))) {
                overrides.put(id, severity);
            }
        });
        Integer size = fontSize.getValue();
        try {
            // A typed size counts even when the field was not left or confirmed with Enter.
            size = Integer.parseInt(fontSize.getEditor().getText().trim());
        } catch (NumberFormatException e) {
            // keep the spinner's value
        }
        return new Settings(disabled, overrides, caPath.getText(), review.isSelected(),
                theme.getValue(), size == null ? current.fontSize() : size);
    }
}
