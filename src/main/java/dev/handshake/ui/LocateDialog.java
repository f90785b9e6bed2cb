package dev.handshake.ui;

import dev.handshake.incident.ErrorLogLocator;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Statement;
import dev.handshake.text.LineIndex;
import dev.handshake.ui.theme.Themes;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Code > Locate error log line: paste an nginx error-log line; the places that proxy there are listed
 * as you type, best first. OK (or a double-click) gives the chosen one, the best by default.
 */
final class LocateDialog extends Dialog<ErrorLogLocator.Match> {

    private final TextArea input = new TextArea();
    private final ListView<ErrorLogLocator.Match> results = new ListView<>();
    private final Label summary = new Label();
    private final ConfigModel model;

    LocateDialog(Window owner, ConfigModel model) {
        this.model = model;
        Themes.apply(this, owner);
        setTitle("Locate error log line");
        setHeaderText("Paste a line from nginx's error log (SSL_do_handshake() failed …, upstream SSL certificate …)");
        setResizable(true);
        getDialogPane().setId("locate-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        input.setId("locate-input");
        input.setWrapText(true);
        input.setPrefRowCount(4);
        input.setPrefColumnCount(90);
        input.textProperty().addListener((o, was, now) -> refresh(now));
        results.setId("locate-results");
        results.setPrefHeight(180);
        results.setCellFactory(view -> new MatchCell());
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && results.getSelectionModel().getSelectedItem() != null) {
                setResult(results.getSelectionModel().getSelectedItem());
                close();
            }
        });
        summary.setId("locate-summary");
        summary.setWrapText(true);
        VBox content = new VBox(8, input, summary, results);
        VBox.setVgrow(results, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(button -> button == ButtonType.OK ? results.getSelectionModel().getSelectedItem() : null);
        refresh("");
    }

    /** Every place listed now, best first. */
    List<ErrorLogLocator.Match> matches() {
        return List.copyOf(results.getItems());
    }

    private void refresh(String line) {
        ErrorLogLocator.LogLine log = ErrorLogLocator.parse(line);
        List<ErrorLogLocator.Match> found = ErrorLogLocator.locate(model, log);
        results.getItems().setAll(found);
        if (!found.isEmpty()) {
            results.getSelectionModel().selectFirst();
        }
        if (line.isBlank()) {
            summary.setText("");
        } else if (!log.hasTarget()) {
            summary.setText("No upstream address (upstream: \"https://…\") or certificate name in this line.");
        } else if (found.isEmpty()) {
            summary.setText("No HTTPS upstream in this configuration goes to " + describe(log) + ".");
        } else {
            summary.setText(found.size() + (found.size() == 1 ? " place" : " places") + " proxy to " + describe(log)
                    + "; the best first.");
        }
    }

    private static String describe(ErrorLogLocator.LogLine log) {
        if (log.peerHost() == null) {
            return "the name " + log.certName();
        }
        return log.peerHost() + (log.peerPort() != null ? ":" + log.peerPort() : "");
    }

    /** {@code nginx.conf:12  proxy_pass https://10.0.4.22 in location /v2/ — proxies to 10.0.4.22:443, …}. */
    static String label(ErrorLogLocator.Match match) {
        Statement pass = match.statement();
        int line = new LineIndex(pass.file().text()).line(pass.range().start());
        return pass.path().getFileName() + ":" + line + "  " + match.connection().describe()
                + " — " + String.join(", ", match.reasons());
    }

    private static final class MatchCell extends ListCell<ErrorLogLocator.Match> {
        @Override
        protected void updateItem(ErrorLogLocator.Match match, boolean empty) {
            super.updateItem(match, empty);
            setText(empty || match == null ? null : label(match));
        }
    }
}
