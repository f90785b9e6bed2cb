package dev.handshake.ui.settings;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxVersion;
import dev.handshake.ui.theme.Theme;
import dev.handshake.ui.theme.Themes;
import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
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
 * Edits {@link Settings}: rules on/off and their severities, the default CA, review, theme, font size,
 * extra directives, the nginx executable, and the nginx the configs are for (edition and version).
 */
public final class SettingsDialog extends Dialog<Settings> {

    private static final String DEFAULT = "default";

    /** One rule's row in the table. */
    static final class RuleRow {
        final String id;
        final String summary;
        final SimpleBooleanProperty enabled;
        final SimpleStringProperty severity;

        RuleRow(RuleMeta meta, Settings settings) {
            this.id = meta.id();
            this.summary = meta.summary();
            this.enabled = new SimpleBooleanProperty(!settings.disabledRules().contains(id));
            Severity chosen = settings.severities().get(id);
            this.severity = new SimpleStringProperty(chosen == null ? DEFAULT : chosen.label());
        }
    }

    private final TableView<RuleRow> rules = new TableView<>();
    private final TextField trustedCa = new TextField();
    private final CheckBox review = new CheckBox("Review the diff before saving");
    private final CheckBox backup = new CheckBox("Keep the previous version as NAME.bak");
    private final CheckBox testBeforeSave = new CheckBox("Test with nginx in the review (when nginx is found)");
    private final TextField directives = new TextField();
    private final ChoiceBox<Theme> theme = new ChoiceBox<>(FXCollections.observableArrayList(Theme.values()));
    private final Spinner<Integer> fontSize = new Spinner<>(Settings.MIN_FONT, Settings.MAX_FONT, Settings.DEFAULT_FONT);
    private final TextField nginx = new TextField();
    private final Label nginxStatus = new Label();
    private final ChoiceBox<NginxEdition> edition = new ChoiceBox<>(FXCollections.observableArrayList(NginxEdition.values()));
    private final TextField version = new TextField();
    private final Label versionStatus = new Label();

    public SettingsDialog(Window owner, Settings current, List<Rule> available) {
        Themes.apply(this, owner);
        setTitle("Settings");
        setHeaderText("Handshake settings");
        setResizable(true);
        for (Rule rule : available) {
            rules.getItems().add(new RuleRow(rule.meta(), current));
        }
        rules.setId("settings-rules");
        rules.setEditable(true);
        TableColumn<RuleRow, Boolean> on = new TableColumn<>("On");
        on.setCellValueFactory(cell -> cell.getValue().enabled);
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setPrefWidth(40);
        TableColumn<RuleRow, String> id = new TableColumn<>("Rule");
        id.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().id));
        id.setPrefWidth(230);
        TableColumn<RuleRow, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(cell -> cell.getValue().severity);
        severity.setCellFactory(ComboBoxTableCell.forTableColumn(severityChoices()));
        severity.setPrefWidth(100);
        TableColumn<RuleRow, String> summary = new TableColumn<>("What it finds");
        summary.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().summary));
        summary.setPrefWidth(420);
        rules.getColumns().add(on);
        rules.getColumns().add(id);
        rules.getColumns().add(severity);
        rules.getColumns().add(summary);
        rules.setPrefHeight(300);

        trustedCa.setText(current.defaultTrustedCa() == null ? "" : current.defaultTrustedCa());
        trustedCa.setPromptText("/etc/ssl/certs/ca-certificates.crt");
        trustedCa.setId("settings-trusted-ca");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            File chosen = new FileChooser().showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                trustedCa.setText(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(trustedCa, Priority.ALWAYS);
        review.setSelected(current.reviewBeforeSave());
        review.setId("settings-review");
        backup.setSelected(current.backup());
        backup.setId("settings-backup");
        testBeforeSave.setSelected(current.testBeforeSave());
        testBeforeSave.setId("settings-test-before-save");
        testBeforeSave.disableProperty().bind(review.selectedProperty().not());
        directives.setText(String.join(" ", current.extraDirectives()));
        directives.setPromptText("e.g. more_set_headers lua_shared_dict (third-party modules)");
        directives.setId("settings-directives");
        theme.setValue(current.theme());
        theme.setId("settings-theme");
        fontSize.getValueFactory().setValue(current.fontSize());
        fontSize.setEditable(true);
        fontSize.setId("settings-font-size");

        GridPane general = new GridPane();
        general.setHgap(10);
        general.setVgap(8);
        general.addRow(0, new Label("CA for verification fixes"), new HBox(6, trustedCa, browse));
        general.addRow(1, new Label("Saving"), new VBox(4, review, testBeforeSave, backup));
        general.addRow(2, new Label("Theme"), theme);
        general.addRow(3, new Label("Font size"), fontSize);
        general.addRow(4, new Label("Extra directives"), directives);
        general.addRow(5, new Label("nginx executable"), nginxRow(current));
        general.addRow(6, new Label("Configs are for"), targetRow(current));
        VBox content = new VBox(10, new Label("Rules"), rules, general);
        content.setPadding(new Insets(4));
        VBox.setVgrow(rules, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? chosen() : null);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> NginxExecutable.problem(nginx.getText()).isPresent() || !versionValid(),
                nginx.textProperty(), version.textProperty()));
    }

    /**
     * The nginx edition (open source reports NGINX Plus directives) and version (newer directives are
     * reported; empty: the current release), with a line saying what the version field holds.
     */
    private VBox targetRow(Settings current) {
        edition.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(NginxEdition e) {
                return e == null ? "" : e.title();
            }

            @Override
            public NginxEdition fromString(String title) {
                return null;
            }
        });
        edition.setValue(current.nginxEdition());
        edition.setId("settings-nginx-edition");
        version.setText(current.nginxVersion() == null ? "" : current.nginxVersion());
        version.setPromptText("version, e.g. 1.22.1 (empty: the current release)");
        version.setId("settings-nginx-version");
        versionStatus.setId("settings-nginx-version-status");
        versionStatus.setWrapText(true);
        version.textProperty().addListener((o, was, now) -> showVersionStatus());
        showVersionStatus();
        HBox.setHgrow(version, Priority.ALWAYS);
        return new VBox(4, new HBox(6, edition, version), versionStatus);
    }

    private boolean versionValid() {
        String typed = version.getText().trim();
        return typed.isEmpty() || NginxVersion.parse(typed).isPresent();
    }

    private void showVersionStatus() {
        String typed = version.getText().trim();
        versionStatus.getStyleClass().remove("review-warning");
        if (typed.isEmpty()) {
            versionStatus.setText("Judged against the current release: no directive is too new");
        } else if (versionValid()) {
            versionStatus.setText("Directives newer than nginx " + typed + " are reported");
        } else {
            versionStatus.setText("\"" + typed + "\" is no nginx version: write three numbers, such as 1.22.1, or leave it empty");
            versionStatus.getStyleClass().add("review-warning");
        }
    }

    /** The nginx executable field with its Browse button and a line saying whether it can be run. */
    private VBox nginxRow(Settings current) {
        nginx.setText(current.nginxPath() == null ? "" : current.nginxPath());
        nginx.setPromptText("empty: the nginx on the PATH or in /usr/sbin");
        nginx.setId("settings-nginx");
        nginxStatus.setId("settings-nginx-status");
        nginxStatus.setWrapText(true);
        Button browse = new Button("Browse…");
        browse.setId("settings-nginx-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the nginx executable");
            File typed = new File(nginx.getText().trim());
            File folder = typed.isDirectory() ? typed : typed.getParentFile();
            chooser.setInitialDirectory(folder != null && folder.isDirectory() ? folder
                    : new File("/usr/sbin").isDirectory() ? new File("/usr/sbin") : null);
            File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                nginx.setText(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(nginx, Priority.ALWAYS);
        nginx.textProperty().addListener((o, was, now) -> showNginxStatus());
        showNginxStatus();
        return new VBox(4, new HBox(6, nginx, browse), nginxStatus);
    }

    private void showNginxStatus() {
        String typed = nginx.getText().trim();
        java.util.Optional<String> problem = NginxExecutable.problem(typed);
        nginxStatus.getStyleClass().remove("review-warning");
        if (problem.isPresent()) {
            nginxStatus.setText(typed + " " + problem.get() + ": choose the nginx binary, or leave the field empty");
            nginxStatus.getStyleClass().add("review-warning");
        } else {
            nginxStatus.setText(typed.isEmpty() ? "Test with nginx uses the nginx on the PATH or in /usr/sbin"
                    : "Test with nginx runs " + typed);
        }
    }

    /** "default", then every severity's word. */
    private static String[] severityChoices() {
        List<String> words = new java.util.ArrayList<>(List.of(DEFAULT));
        for (Severity s : Severity.values()) {
            words.add(s.label());
        }
        return words.toArray(String[]::new);
    }

    /** The settings as the dialog shows them now. */
    Settings chosen() {
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        for (RuleRow row : rules.getItems()) {
            if (!row.enabled.get()) {
                disabled.add(row.id);
            }
            if (!DEFAULT.equals(row.severity.get())) {
                severities.put(row.id, Severity.fromLabel(row.severity.get()));
            }
        }
        String ca = trustedCa.getText().trim();
        int size = fontSize.getValue();
        try {
            // A typed size counts even when the field was not left or confirmed with Enter.
            size = Integer.parseInt(fontSize.getEditor().getText().trim());
        } catch (NumberFormatException e) {
            // keep the spinner's value
        }
        Set<String> extra = new java.util.TreeSet<>();
        for (String name : directives.getText().split("[\\s,;]+")) {
            if (!name.isBlank()) {
                extra.add(name.trim());
            }
        }
        return new Settings(disabled, severities, ca.isEmpty() ? null : ca, review.isSelected(), theme.getValue(),
                size, backup.isSelected(), extra, nginx.getText(), testBeforeSave.isSelected(), edition.getValue(),
                version.getText().trim());
    }

    /** The rows, for tests. */
    List<RuleRow> rows() {
        return rules.getItems();
    }
}
