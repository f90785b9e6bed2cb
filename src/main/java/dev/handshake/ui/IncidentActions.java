package dev.handshake.ui;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Code > Copy curl Check and Code > Locate Error Log Line: the {@link Incidents} helpers in the window. */
final class IncidentActions {

    private final Window owner;
    private final ConfigEditor editor;
    private final StatusBar status;
    private List<UpstreamConnection> located = List.of();
    private int next;

    IncidentActions(Window owner, ConfigEditor editor, StatusBar status) {
        this.owner = owner;
        this.editor = editor;
        this.status = status;
    }

    private Optional<ConfigModel> model() {
        Analysis analysis = editor.currentAnalysis();
        return analysis.lint() == null ? Optional.empty() : Optional.of(analysis.lint().model());
    }

    /** Puts the curl command for the upstream at the caret on the clipboard. */
    void copyCurlCheck() {
        Optional<ConfigModel> model = model();
        String text = editor.text();
        int caret = editor.caretProperty().get();
        int lineStart = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        int lineEnd = text.indexOf('\n', caret) < 0 ? text.length() : text.indexOf('\n', caret);
        Optional<UpstreamConnection> connection = model.flatMap(m ->
                Incidents.connectionAt(m, editor.pathProperty().get(), caret, lineStart, lineEnd));
        if (connection.isEmpty()) {
            status.showMessage("Put the caret on a proxy_pass to an https upstream (or in its location)");
            return;
        }
        String command = Incidents.curlCheck(model.get(), connection.get());
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        Clipboard.getSystemClipboard().setContent(content);
        status.showMessage("Copied: " + command.replace('\n', ' '));
    }

    /** Asks for an error-log line and jumps to the blocks that proxy to its upstream; again for the next. */
    void locateLogLine() {
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(owner);
        ask.setTitle("Locate error log line");
        ask.setHeaderText("Paste an nginx error-log line (SSL_do_handshake() failed ... upstream: \"https://...\")");
        ask.getEditor().setPrefColumnCount(70);
        ask.getEditor().setId("log-line");
        ask.showAndWait().ifPresent(this::locate);
    }

    void locate(String logLine) {
        located = model().map(m -> Incidents.locate(m, logLine)).orElse(List.of()).stream()
                .filter(c -> c.pass().path().equals(editor.pathProperty().get()))
                .collect(Collectors.toList());
        next = 0;
        if (located.isEmpty()) {
            status.showMessage("No block in this file proxies to the upstream in that line");
            return;
        }
        showNext();
    }

    /** Selects the next located block (wrapping). */
    void showNext() {
        if (located.isEmpty()) {
            return;
        }
        UpstreamConnection c = located.get(next % located.size());
        next++;
        editor.select(c.pass().range());
        status.showMessage((located.size() == 1 ? "1 block proxies there: " : located.size() + " blocks proxy there ("
                + ((next - 1) % located.size() + 1) + " of " + located.size() + "): ") + c.describe());
    }
}
