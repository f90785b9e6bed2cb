package dev.handshake.ui.editor;

import dev.handshake.text.TextRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.EventStreams;
import org.reactfx.Subscription;

/**
 * The completion list at the caret: opened by Ctrl+Space, and by itself once a pause in typing ends a
 * directive name of {@value Completion#AUTO_MIN_LETTERS}+ letters at a statement's start ({@link
 * Completion#opensWhileTyping}). The text keeps the keyboard: letters go on into the buffer and narrow the
 * list, Up/Down choose, Enter or Tab insert (one undo step), Esc closes it (and it stays closed for that
 * word), moving the caret out of the word closes it.
 */
final class CompletionPopup {

    /** The pause in typing after which the list opens by itself. */
    static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final CodeArea area;
    private final Supplier<List<Completion.Candidate>> candidates;
    private final BiConsumer<TextRange, String> replacer;
    private final Supplier<Optional<Bounds>> caretBounds;
    private final Consumer<Runnable> whenAnalysed;
    private final Popup popup = new Popup();
    private final ListView<Completion.Candidate> list = new ListView<>();
    private final Subscription subscriptions;
    private List<Completion.Candidate> offered = List.of();
    private int wordStart = -1;
    private int dismissedAt = -1;

    /**
     * @param candidates   what to offer at the caret now
     * @param whenAnalysed runs its argument once an analysis of exactly the current text is in, so the list
     *                     that opens by itself uses that parse instead of parsing on the FX thread
     */
    CompletionPopup(CodeArea area, Supplier<List<Completion.Candidate>> candidates, BiConsumer<TextRange, String> replacer,
                    Supplier<Optional<Bounds>> caretBounds, Consumer<Runnable> whenAnalysed) {
        this.area = area;
        this.whenAnalysed = whenAnalysed;
        this.candidates = candidates;
        this.replacer = replacer;
        this.caretBounds = caretBounds;
        list.getStyleClass().add("completion-list");
        list.setFocusTraversable(false);
        list.setPrefSize(560, 220);
        list.setCellFactory(view -> new ListCell<>() {
            {
                getStyleClass().add("completion-item");
            }

            @Override
            protected void updateItem(Completion.Candidate candidate, boolean empty) {
                super.updateItem(candidate, empty);
                setText(empty || candidate == null ? null
                        : candidate.text() + (candidate.detail().isEmpty() ? "" : "    " + candidate.detail()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                accept();
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        Subscription typed = EventStreams.eventsOf(area, KeyEvent.KEY_TYPED)
                .filter(e -> e.getCharacter().matches("[A-Za-z0-9_]") && !e.isShortcutDown() && !e.isAltDown())
                .successionEnds(DEBOUNCE)
                .subscribe(e -> openWhileTyping());
        Subscription moved = EventStreams.valuesOf(area.caretPositionProperty())
                .subscribe(caret -> Platform.runLater(this::narrow));
        subscriptions = typed.and(moved);
    }

    /** Ctrl+Space: the list at the caret, whatever was typed (also a value, a path or a variable). */
    void show() {
        dismissedAt = -1;
        open(candidates.get());
    }

    /** Whether the list is open. */
    boolean isShowing() {
        return popup.isShowing();
    }

    private void openWhileTyping() {
        if (!opensHere()) {
            return;
        }
        String text = area.getText();
        int caret = area.getCaretPosition();
        whenAnalysed.accept(() -> {
            // Typing went on while the analysis ran: the next pause decides.
            if (caret == area.getCaretPosition() && text.equals(area.getText()) && opensHere()) {
                open(candidates.get());
            }
        });
    }

    private boolean opensHere() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        return !popup.isShowing() && area.getSelection().getLength() == 0 && Completion.opensWhileTyping(text, caret)
                && Completion.wordStart(text, caret) != dismissedAt;
    }

    private void open(List<Completion.Candidate> found) {
        if (found.isEmpty()) {
            popup.hide();
            return;
        }
        offered = found;
        wordStart = found.get(0).from();
        list.getItems().setAll(found);
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        if (!popup.isShowing()) {
            caretBounds.get().ifPresent(b -> popup.show(area, b.getMinX(), b.getMaxY()));
        }
    }

    /** After each edit or caret move: the offered candidates the word now starts, or closed. */
    private void narrow() {
        if (!popup.isShowing()) {
            return;
        }
        String text = area.getText();
        int caret = area.getCaretPosition();
        if (caret < wordStart || caret > text.length() || Completion.wordStart(text, caret) != wordStart) {
            popup.hide();
            return;
        }
        String typed = text.substring(wordStart, caret);
        // A cut list is asked again (what was cut may match now); a whole one is only filtered.
        List<Completion.Candidate> left = offered.size() >= Completion.LIMIT ? candidates.get()
                : offered.stream().filter(c -> c.text().startsWith(typed)).toList();
        if (offered.size() >= Completion.LIMIT) {
            offered = left;
        }
        if (left.isEmpty() || left.size() == 1 && left.get(0).text().equals(typed)) {
            popup.hide();
            return;
        }
        if (!left.equals(list.getItems())) {
            list.getItems().setAll(left);
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        int at = list.getSelectionModel().getSelectedIndex();
        switch (code) {
            case DOWN, UP, PAGE_DOWN, PAGE_UP -> {
                int step = code == KeyCode.DOWN ? 1 : code == KeyCode.UP ? -1 : code == KeyCode.PAGE_DOWN ? 8 : -8;
                int next = Math.max(0, Math.min(list.getItems().size() - 1, at + step));
                list.getSelectionModel().select(next);
                list.scrollTo(Math.max(0, next - 3));
            }
            case ENTER, TAB -> accept();
            case ESCAPE -> {
                dismissedAt = wordStart;
                popup.hide();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void accept() {
        Completion.Candidate chosen = list.getSelectionModel().getSelectedItem();
        int caret = area.getCaretPosition();
        popup.hide();
        // A chosen name is done: the list does not open again on it by itself.
        dismissedAt = wordStart;
        if (chosen != null && caret >= chosen.from()) {
            replacer.accept(new TextRange(chosen.from(), caret), chosen.text());
            area.moveTo(Math.min(area.getLength(), chosen.from() + chosen.text().length()));
        }
    }

    void dispose() {
        subscriptions.unsubscribe();
        popup.hide();
    }
}
