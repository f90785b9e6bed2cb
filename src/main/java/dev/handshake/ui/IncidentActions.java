package dev.handshake.ui;

import dev.handshake.incident.CurlCheck;
import dev.handshake.incident.ErrorLogLocator;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.theme.Themes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The helpers from the incident this product exists for, in the window: Code > Copy curl Check (the
 * command that tests an upstream with the SNI nginx sends), Code > Locate Error Log Line (the blocks
 * behind a pasted error-log line, best first; Next Located Block goes through the others).
 */
final class IncidentActions {

    private final Supplier<ConfigEditor> editor;
    private final Predicate<Path> openInTab;
    private final Window owner;
    private final StatusBar status;
    private final Consumer<String> say;
    private final Supplier<String> trustedCa;
    private List<ErrorLogLocator.Match> located = List.of();
    private int next;

    /**
     * @param editor    the selected document's editor
     * @param openInTab selects the tab of a file (opening it); false when it cannot be opened
     * @param trustedCa the CA bundle the settings name for verification, or null
     */
    IncidentActions(Supplier<ConfigEditor> editor, Predicate<Path> openInTab, Window owner, StatusBar status,
                    Supplier<String> trustedCa) {
        this.editor = editor;
        this.openInTab = openInTab;
        this.owner = owner;
        this.status = status;
        this.say = status::showMessage;
        this.trustedCa = trustedCa;
    }

    /**
     * Runs {@code then} on the FX thread with the model of exactly the current buffer: the editor's latest
     * finished analysis when it is current, else once a background analysis has caught up (the status bar
     * shows it is analysing meanwhile). Nothing when analysis is limited (a very large file).
     */
    private void withModel(Consumer<ConfigModel> then) {
        boolean[] ready = {false};
        editor.get().withCurrentAnalysis(analysis -> {
            ready[0] = true;
            if (analysis.lint() == null) {
                say.accept("This file is too large for live analysis: the helpers need it");
                return;
            }
            then.accept(analysis.lint().model());
        });
        if (!ready[0]) {
            status.showBusy("Analysing…");
        }
    }

    /** Code > Copy curl check: for the HTTPS upstream at the caret; copied and shown. */
    void copyCurlCheck() {
        ConfigEditor at = editor.get();
        Path file = at.pathProperty().get();
        withModel(model -> copyCurlCheck(model, file, at.caretProperty().get()));
    }

    private void copyCurlCheck(ConfigModel model, Path file, int caret) {
        Optional<UpstreamConnection> connection = file == null ? Optional.empty() : CurlCheck.at(model, file, caret);
        if (connection.isEmpty()) {
            say.accept("No HTTPS upstream at the caret: put it in a location that proxies over TLS");
            return;
        }
        String command = CurlCheck.build(model, connection.get(), trustedCa.get());
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
        Alert shown = Themes.apply(new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE), owner);
        shown.setTitle("Curl check");
        shown.setHeaderText("Copied to the clipboard: test " + connection.get().describe());
        shown.getDialogPane().setContent(text);
        shown.getDialogPane().setId("curl-check-dialog");
        shown.setResizable(true);
        shown.getDialogPane().setPrefWidth(980);
        shown.show();
    }

    /** Code > Locate Error Log Line…: asks for the line, then selects the best (or chosen) place. */
    void locateLogLine() {
        withModel(model -> {
            LocateDialog dialog = new LocateDialog(owner, model);
            dialog.showAndWait().ifPresent(chosen -> {
                remember(dialog.matches(), chosen);
                jump(chosen);
            });
        });
    }

    /** Locates {@code logLine} without the dialog and selects the best place. */
    void locate(String logLine) {
        withModel(model -> {
            List<ErrorLogLocator.Match> found = ErrorLogLocator.locate(model, logLine);
            if (found.isEmpty()) {
                located = List.of();
                say.accept("No HTTPS upstream in this configuration is the one in that line");
                return;
            }
            remember(found, found.get(0));
            jump(found.get(0));
        });
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
        Path current = editor.get().pathProperty().get();
        if (!pass.path().equals(current) && !openInTab.test(pass.path())) {
            return;
        }
        editor.get().select(pass.range());
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
