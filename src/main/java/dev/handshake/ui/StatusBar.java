package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The line under the editor: finding counts (or a spinner while the current file is being analysed), a
 * transient message that fades after {@link #MESSAGE_LIFETIME} or with the next one, caret and encoding.
 */
final class StatusBar {

    private final Label counts = new Label("No problems");
    private final Label message = new Label();
    private final Label caret = new Label();
    private final Label encoding = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final PauseTransition expiry;
    private final HBox bar;

    /** How long a status message stays. */
    static final Duration MESSAGE_LIFETIME = Duration.seconds(15);

    StatusBar() {
        this(MESSAGE_LIFETIME);
    }

    /** A status bar whose messages fade after {@code lifetime} (tests use a short one). */
    StatusBar(Duration lifetime) {
        expiry = new PauseTransition(lifetime);
        counts.setId("status-counts");
        message.setId("status-message");
        busy.setId("status-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.setVisible(false);
        busy.setManaged(false);
        expiry.setOnFinished(e -> message.setText(""));
        caret.setId("status-caret");
        for (Label fixed : List.of(counts, caret, encoding)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        bar = new HBox(16, busy, counts, message, caret, encoding);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.getStyleClass().add("status-bar");
    }

    Node node() {
        return bar;
    }

    /** While the current file is read and analysed: a spinner and {@code what} in place of the counts. */
    void showBusy(String what) {
        busy.setVisible(true);
        busy.setManaged(true);
        counts.setText(what);
        counts.getStyleClass().removeAll("has-errors", "has-warnings");
    }

    boolean busy() {
        return busy.isVisible();
    }

    void showCounts(List<Diagnostic> diagnostics) {
        busy.setVisible(false);
        busy.setManaged(false);
        counts.setText(describe(diagnostics));
        counts.getStyleClass().removeAll("has-errors", "has-warnings");
        if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            counts.getStyleClass().add("has-errors");
        } else if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING)) {
            counts.getStyleClass().add("has-warnings");
        }
    }

    void showMessage(String text) {
        message.setText(text);
        expiry.playFromStart();
    }

    void showCaret(int line, int column) {
        caret.setText("Ln " + line + ", Col " + column);
    }

    void showEncoding(String text) {
        encoding.setText(text);
    }

    /** "2 errors, 1 warning", or "No problems". */
    static String describe(List<Diagnostic> diagnostics) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = diagnostics.stream().filter(d -> d.severity() == severity).count();
            if (n > 0) {
                String word = severity == Severity.INFO ? "info" : severity.label() + (n == 1 ? "" : "s");
                parts.add(n + " " + word);
            }
        }
        return parts.isEmpty() ? "No problems" : String.join(", ", parts);
    }
}
