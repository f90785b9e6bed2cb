package dev.handshake.ui;

import dev.handshake.diff.TextDiff;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.FixInputs;
import dev.handshake.text.TextEdit;
import dev.handshake.ui.theme.Themes;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks for the values a fix needs (an SNI name, a CA file, a reason), pre-filled with the ranked
 * candidates, and shows the diff the fix will make before it is applied. Also used, without inputs,
 * to review a fix that may change behaviour.
 */
final class FixInputDialog extends Dialog<Map<String, String>> {

    private final Map<String, ComboBox<String>> fields = new LinkedHashMap<>();
    private final TextArea preview = new TextArea();
    private final String text;
    private final Path file;
    private final Fix fix;

    FixInputDialog(Window owner, String text, Path file, Diagnostic finding, Fix fix) {
        this.text = text;
        this.file = file;
        this.fix = fix;
        initOwner(owner);
        setTitle("Quick fix");
        setHeaderText(QuickFixes.plain(fix.title()));
        setResizable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        for (FixInput input : fix.inputs()) {
            ComboBox<String> field = new ComboBox<>();
            field.setId("fix-input-" + input.key());
            field.setEditable(true);
            field.getItems().setAll(input.candidates());
            field.setValue(input.suggestion() != null ? input.suggestion() : "");
            field.setPrefWidth(560);
            field.valueProperty().addListener((o, was, now) -> refresh());
            field.getEditor().textProperty().addListener((o, was, now) -> refresh());
            field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                Button apply = (Button) getDialogPane().lookupButton(ButtonType.OK);
                if (e.getCode() == KeyCode.ENTER && !field.isShowing() && !apply.isDisabled()) {
                    field.setValue(field.getEditor().getText());
                    apply.fire();
                    e.consume();
                }
            });
            fields.put(input.key(), field);
            Label label = new Label(input.label());
            label.setWrapText(true);
            label.setMaxWidth(720);
            grid.add(label, 0, row++);
            grid.add(withBrowse(input, field), 0, row++);
        }
        Label problem = new Label(finding.message().replace("`", ""));
        problem.setWrapText(true);
        problem.setMaxWidth(760);
        problem.getStyleClass().add("fix-dialog-problem");
        preview.setEditable(false);
        preview.setId("fix-preview");
        preview.getStyleClass().add("diff-preview");
        preview.setPrefRowCount(14);
        preview.setPrefColumnCount(80);
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox content = new VBox(10, problem, grid, new Label("Change:"), preview);
        content.setPrefWidth(780);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Apply");
        Themes.apply(getDialogPane(), owner);
        setResultConverter(button -> button == ButtonType.OK ? values() : null);
        // The dialog focuses its default button once shown; the first value is what the user wants to type.
        setOnShown(e -> Platform.runLater(() -> {
            getDialogPane().getScene().getWindow().requestFocus();
            fields.values().stream().findFirst().ifPresent(ComboBox::requestFocus);
        }));
        refresh();
    }

    private Node withBrowse(FixInput input, ComboBox<String> field) {
        if (input.kind() != FixInput.Key.TRUSTED_CA) {
            return field;
        }
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Trusted CA certificates (PEM)");
            initialFolder(field.getEditor().getText()).ifPresent(chooser::setInitialDirectory);
            File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                field.setValue(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** The folder of the typed path when it exists, else /etc/ssl/certs when that exists. */
    static Optional<File> initialFolder(String typed) {
        for (String candidate : new String[] {typed == null ? "" : typed.trim(), "/etc/ssl/certs/"}) {
            if (candidate.isEmpty()) {
                continue;
            }
            File file = new File(candidate);
            File folder = file.isDirectory() ? file : file.getParentFile();
            if (folder != null && folder.isDirectory()) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** The values typed or chosen, by input key. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, ComboBox<String>> e : fields.entrySet()) {
            String typed = e.getValue().isEditable() ? e.getValue().getEditor().getText() : e.getValue().getValue();
            values.put(e.getKey(), typed == null ? "" : typed.trim());
        }
        return values;
    }

    private void refresh() {
        Map<String, String> values = values();
        boolean complete = fix.hasInputs(values) || fix.inputs().isEmpty();
        Node apply = getDialogPane().lookupButton(ButtonType.OK);
        for (FixInput input : fix.inputs()) {
            String typed = values.getOrDefault(input.key(), "");
            Optional<String> problem = typed.isEmpty() ? Optional.empty() : FixInputs.problem(input.kind(), typed);
            if (problem.isPresent()) {
                showReason("\"" + typed + "\" cannot be used: " + problem.get());
                apply.setDisable(true);
                return;
            }
        }
        try {
            List<TextEdit> edits = QuickFixes.editsFor(file, fix.edits(values));
            String changed = TextEdit.apply(text, edits);
            String name = file.getFileName().toString();
            // A diff keeps its lines as they are (sideways scroll); a reason is prose and wraps.
            preview.setWrapText(false);
            preview.setText(TextDiff.between(text, changed).unified("a/" + name, "b/" + name));
            apply.setDisable(!complete);
        } catch (RuntimeException e) {
            showReason("This value cannot be used: " + e.getMessage());
            apply.setDisable(true);
        }
    }

    /** Why the typed value is refused, wrapped to the preview's width (one long line hid its end). */
    private void showReason(String reason) {
        preview.setWrapText(true);
        preview.setText(reason);
    }
}
