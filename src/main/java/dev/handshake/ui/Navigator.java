package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.TextInputDialog;
import dev.handshake.ui.theme.Themes;
import javafx.stage.Window;

/** Moving through the buffer: next and previous finding (F8, Shift+F8) and go to line (Ctrl+G). */
final class Navigator {

    private final Window owner;
    private final ConfigEditor editor;
    private final StatusBar status;

    Navigator(Window owner, ConfigEditor editor, StatusBar status) {
        this.owner = owner;
        this.editor = editor;
        this.status = status;
    }

    /** F8 / Shift+F8: the next (previous) finding in this file after (before) the caret, wrapping. */
    void nextProblem(boolean forward) {
        editor.withCurrentAnalysis(analysis -> nextProblem(analysis, forward));
    }

    private void nextProblem(Analysis analysis, boolean forward) {
        List<Diagnostic> here = analysis.diagnostics().stream()
                .sorted(Comparator.comparing(Diagnostic::range)).toList();
        if (here.isEmpty()) {
            status.showMessage("No problems in this file");
            return;
        }
        int caret = editor.caretProperty().get();
        Diagnostic chosen = forward ? here.get(0) : here.get(here.size() - 1);
        for (int i = 0; i < here.size(); i++) {
            Diagnostic d = forward ? here.get(i) : here.get(here.size() - 1 - i);
            if (forward ? d.range().start() > caret : d.range().start() < caret) {
                chosen = d;
                break;
            }
        }
        editor.moveCaret(chosen.range().start());
        status.showMessage(chosen.message());
    }

    void goToLine() {
        TextInputDialog ask = new TextInputDialog(String.valueOf(editor.caretLine()));
        Themes.apply(ask, owner);
        ask.setTitle("Go to line");
        ask.setHeaderText("Line (1-" + editor.lineCount() + ")");
        ask.showAndWait().ifPresent(answer -> {
            try {
                editor.goToLine(Integer.parseInt(answer.trim()));
            } catch (NumberFormatException e) {
                status.showMessage("Not a line number: " + answer);
            }
        });
    }

}
