package dev.handshake.ui;

import dev.handshake.incident.CurlCheck;
import dev.handshake.incident.ErrorLogLocator;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The helpers from the incident this product exists for, in the window: Code > Copy curl Check (the
 * command that tests an upstream with the SNI nginx sends), Code > Locate Error Log Line (the blocks
 * behind a pasted error-log line, best first; Next Located Block goes through the others).
 */
final class IncidentActions {

    private final MainWindow window;
    private final Consumer<String> say;
    private List<ErrorLogLocator.Match> located = List.of();
    private int next;

    IncidentActions(MainWindow window, Consumer<String> say) {
        this.window = window;
        this.say = say;
    }

    /** The model of the current buffer, or empty when analysis is limited (a very large file). */
    private Optional<ConfigModel> model() {
        Analysis analysis = window.editor().currentAnalysis();
        if (analysis.lint() == null) {
            say.accept("This file is too large for live analysis: the helpers need it");
            return Optional.empty();
        }
        return Optional.of(analysis.lint().model());
    }

    /** Code > Copy curl check: for the HTTPS upstream at the caret; copied and shown. */
    void copyCurlCheck() {
        Optional<ConfigModel> model = model();
        if (model.isEmpty()) {
            return;
        }
        Path file = window.editor().pathProperty().get();
        int caret = window.editor().caretProperty().get();
        Optional<UpstreamConnection> connection = file == null ? Optional.empty()
                : CurlCheck.at(model.get(), file, caret);
        if (connection.isEmpty()) {
            say.accept("No HTTPS upstream at the caret: put it in a location that proxies over TLS");
            return;
        }
        String command = CurlCheck.build(model.get(), connection.get(), window.settings().current().defaultTrustedCa());
        copy(command);
        say.accept("Curl check copied");
        TextArea text = new TextArea(command);
        text.setId("curl-check-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefColumnCount(100);
        text.setPrefRowCount(Math.min(14, (int) command.lines().count() + 1));
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.getStyleClass().add("diff-preview");
        Alert shown = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        shown.initOwner(window.stage());
        shown.setTitle("Curl check");
        shown.setHeaderText("Copied to the clipboard: test " + connection.get().describe());
        shown.getDialogPane().setContent(text);
        shown.getDialogPane().setId("curl-check-dialog");
        shown.setResizable(true);
        shown.getDialogPane().setPrefWidth(980);
        LocateDialog.styleLike(shown.getDialogPane(), window.stage());
        shown.show();
    }

    /** Code > Locate Error Log Line…: asks for the line, then selects the best (or chosen) place. */
    void locateLogLine() {
        Optional<ConfigModel> model = model();
        if (model.isEmpty()) {
            return;
        }
        LocateDialog dialog = new LocateDialog(window.stage(), model.get());
        dialog.showAndWait().ifPresent(chosen -> {
            remember(dialog.matches(), chosen);
            jump(chosen);
        });
    }

    /** Locates {@code logLine} without the dialog and selects the best place. */
    void locate(String logLine) {
        List<ErrorLogLocator.Match> found = model().map(m -> ErrorLogLocator.locate(m, logLine)).orElse(List.of());
        if (found.isEmpty()) {
            located = List.of();
            say.accept("No HTTPS upstream in this configuration is the one in that line");
            return;
        }
        remember(found, found.get(0));
        jump(found.get(0));
    }

    /** Code > Next Located Block: the next place the last located line may come from (wrapping). */
    void showNext() {
        if (located.isEmpty()) {
            say.accept("Locate an error log line first");
            return;
        }
        next = (next + 1) % located.size();
        jump(located.get(next));
    }

    private void remember(List<ErrorLogLocator.Match> found, ErrorLogLocator.Match chosen) {
        located = List.copyOf(found);
        next = Math.max(0, located.indexOf(chosen));
    }

    /** Selects a located pass, opening its file when it is an included one. */
    void jump(ErrorLogLocator.Match match) {
        Statement pass = match.statement();
        Path current = window.editor().pathProperty().get();
        if (!pass.path().equals(current) && !window.openInTab(pass.path())) {
            return;
        }
        window.editor().select(pass.range());
        say.accept((located.size() > 1 ? (located.indexOf(match) + 1) + " of " + located.size() + ": " : "")
                + LocateDialog.label(match));
    }

    /** Puts {@code text} on the system clipboard. */
    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
