package dev.handshake.ui;

import dev.handshake.ui.recovery.RecoveryStore;
import dev.handshake.ui.theme.Themes;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The offer made at start-up when recovery files were left behind: each one with what it changes
 * against its file on disk, and Restore / Discard. Decide Later (or closing) keeps the rest for the next start.
 */
final class RecoveryOffer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final VBox rows = new VBox(14);

    RecoveryOffer(Window owner, List<RecoveryStore.Entry> entries, Consumer<RecoveryStore.Entry> restore,
                  Consumer<RecoveryStore.Entry> discard) {
        dialog.initOwner(owner);
        dialog.setTitle("Recover unsaved changes");
        dialog.setHeaderText(entries.size() == 1 ? "Handshake closed without saving one document"
                : "Handshake closed without saving " + entries.size() + " documents");
        for (int i = 0; i < entries.size(); i++) {
            rows.getChildren().add(row(i, entries.get(i), restore, discard));
        }
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(820);
        scroll.setPrefViewportHeight(Math.min(520, 210 * entries.size()));
        Label help = new Label("Restore opens the document with the recovered text, not yet saved; Discard deletes"
                + " the recovery copy. The diff shows what the copy changes in the file on disk.");
        help.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(10, help, scroll));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType("Decide Later", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("recovery-offer");
        dialog.setResizable(true);
        Themes.apply(dialog, owner);
    }

    private VBox row(int index, RecoveryStore.Entry entry, Consumer<RecoveryStore.Entry> restore,
                     Consumer<RecoveryStore.Entry> discard) {
        Label title = new Label(entry.original().map(p -> p.getFileName() + "  —  " + p).orElse(entry.name() + "  —  never saved"));
        title.setStyle("-fx-font-weight: bold;");
        boolean missing = entry.original().isPresent() && !Files.exists(entry.original().get());
        Label when = new Label("Unsaved changes from " + WHEN.format(entry.written().atZone(ZoneId.systemDefault()))
                + (missing ? "; the file is no longer on disk" : ""));
        String patch = DiskChanges.patch(entry.original().orElse(null), entry.name(), entry.text());
        TextArea diff = new TextArea(patch.isEmpty() ? "(the same as the file on disk)" : patch);
        diff.setId("recovery-diff-" + index);
        diff.setEditable(false);
        diff.setPrefRowCount(Math.min(12, Math.max(3, (int) patch.lines().count())));
        diff.setStyle("-fx-font-family: monospace;");
        Button restoreButton = new Button("Restore");
        restoreButton.setId("recovery-restore-" + index);
        restoreButton.setDefaultButton(index == 0);
        Button discardButton = new Button("Discard");
        discardButton.setId("recovery-discard-" + index);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, new VBox(2, title, when), gap, restoreButton, discardButton);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(6, head, diff);
        restoreButton.setOnAction(e -> decided(row, () -> restore.accept(entry)));
        discardButton.setOnAction(e -> decided(row, () -> discard.accept(entry)));
        return row;
    }

    private void decided(VBox row, Runnable action) {
        action.run();
        rows.getChildren().remove(row);
        if (rows.getChildren().isEmpty()) {
            dialog.close();
        }
    }

    void showAndWait() {
        dialog.showAndWait();
    }
}
