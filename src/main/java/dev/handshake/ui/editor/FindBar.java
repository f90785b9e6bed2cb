package dev.handshake.ui.editor;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/** The find and replace bar above the text: Enter finds the next match, Shift+Enter the previous, Esc closes. */
final class FindBar {

    private final CodeArea area;
    private final BiConsumer<TextRange, String> replacer;
    private final TextField query = new TextField();
    private final TextField replacement = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final Label count = new Label();
    private final EventHandler<KeyEvent> keyHandler = this::keys;
    private final HBox replaceRow;
    private final VBox bar;

    FindBar(CodeArea area, BiConsumer<TextRange, String> replacer) {
        this.area = area;
        this.replacer = replacer;
        query.setPromptText("Find");
        query.setId("find-field");
        replacement.setPromptText("Replace with");
        replacement.setId("replace-field");
        query.setPrefColumnCount(28);
        replacement.setPrefColumnCount(28);
        Button next = button("Next", () -> find(true));
        Button previous = button("Previous", () -> find(false));
        Button close = button("✕", this::hide);
        Button replaceOne = button("Replace", this::replaceOne);
        Button replaceAll = button("Replace all", this::replaceAll);
        HBox findRow = new HBox(6, query, previous, next, matchCase, count, close);
        replaceRow = new HBox(6, replacement, replaceOne, replaceAll);
        for (HBox row : List.of(findRow, replaceRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
        }
        bar = new VBox(4, findRow, replaceRow);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("find-bar");
        query.textProperty().addListener((o, was, now) -> updateCount());
        matchCase.selectedProperty().addListener((o, was, now) -> updateCount());
        query.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        replacement.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        setShown(bar, false);
    }

    private static Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private void keys(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            hide();
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER) {
            if (event.getSource() == replacement) {
                replaceOne();
            } else {
                find(!event.isShiftDown());
            }
            event.consume();
        }
    }

    Node node() {
        return bar;
    }

    void show(boolean withReplace, String selected) {
        setShown(bar, true);
        setShown(replaceRow, withReplace);
        if (selected != null && !selected.isEmpty() && !selected.contains("\n")) {
            query.setText(selected);
        }
        query.requestFocus();
        query.selectAll();
        updateCount();
    }

    void hide() {
        setShown(bar, false);
        area.requestFocus();
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Offsets of every match of the query in the text. */
    private List<Integer> matches() {
        List<Integer> found = new ArrayList<>();
        String needle = query.getText();
        if (needle.isEmpty()) {
            return found;
        }
        String haystack = area.getText();
        if (!matchCase.isSelected()) {
            needle = needle.toLowerCase(Locale.ROOT);
            haystack = haystack.toLowerCase(Locale.ROOT);
        }
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            found.add(at);
        }
        return found;
    }

    private void updateCount() {
        int n = matches().size();
        count.setText(query.getText().isEmpty() ? "" : n == 0 ? "No results" : n + (n == 1 ? " match" : " matches"));
    }

    /** Selects the next (or previous) match after (before) the selection, wrapping around. */
    boolean find(boolean forward) {
        List<Integer> found = matches();
        if (found.isEmpty()) {
            return false;
        }
        int length = query.getText().length();
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart();
        int chosen = forward ? found.get(0) : found.get(found.size() - 1);
        for (int i = 0; i < found.size(); i++) {
            int at = forward ? found.get(i) : found.get(found.size() - 1 - i);
            if (forward ? at >= from : at + length <= from && at < from) {
                chosen = at;
                break;
            }
        }
        area.selectRange(chosen, chosen + length);
        area.requestFollowCaret();
        return true;
    }

    private boolean selectionMatches() {
        String selected = area.getSelectedText();
        return !selected.isEmpty() && (matchCase.isSelected() ? selected.equals(query.getText())
                : selected.equalsIgnoreCase(query.getText()));
    }

    private void replaceOne() {
        if (!selectionMatches() && !find(true)) {
            return;
        }
        int start = area.getSelection().getStart();
        replacer.accept(new TextRange(start, area.getSelection().getEnd()), replacement.getText());
        area.moveTo(start + replacement.getText().length());
        find(true);
        updateCount();
    }

    /** Replaces every match as one undo step. */
    private void replaceAll() {
        List<Integer> found = matches();
        if (found.isEmpty()) {
            return;
        }
        int length = query.getText().length();
        String text = area.getText();
        int first = found.get(0);
        int last = found.get(found.size() - 1) + length;
        StringBuilder out = new StringBuilder();
        int copied = first;
        for (int at : found) {
            out.append(text, copied, at).append(replacement.getText());
            copied = at + length;
        }
        replacer.accept(new TextRange(first, last), out.toString());
        updateCount();
    }

    void dispose() {
        query.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        replacement.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
    }
}
