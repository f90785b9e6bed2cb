package dev.handshake.ui.review;

import dev.handshake.ui.theme.Themes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * One review for several changed files (Save All after a fix that changed more than one file): every
 * file is a tab holding its own review (diff, Keep boxes, checks, navigation), and Save returns each
 * file's accepted text, in the order given. Cancel saves none.
 */
public final class FilesReviewDialog extends Dialog<List<String>> {

    private final Map<String, SaveReviewDialog> pages;
    private final TabPane files = new TabPane();

    /** @param pages each changed file's own review, by the name its tab shows, in saving order */
    public FilesReviewDialog(Window owner, Map<String, SaveReviewDialog> pages) {
        this.pages = new LinkedHashMap<>(pages);
        initOwner(owner);
        setTitle("Review changes");
        setHeaderText("Review the changes to " + pages.size() + " files before saving: "
                + String.join(", ", pages.keySet()));
        setResizable(true);
        files.setId("review-files");
        files.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Map.Entry<String, SaveReviewDialog> page : pages.entrySet()) {
            // The page's content moves here; the page itself is never shown, only asked for its result.
            Tab tab = new Tab(page.getKey(), page.getValue().getDialogPane().getContent());
            files.getTabs().add(tab);
        }
        files.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                Platform.runLater(() -> page(now.intValue()).showFirstChange()));
        Label note = new Label("Every changed file is listed; each tab is that file's diff with its own Keep boxes.");
        note.getStyleClass().add("review-note");
        VBox.setVgrow(files, Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, note, files));
        getDialogPane().getButtonTypes().setAll(SaveReviewDialog.SAVE, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("save-review");
        Themes.apply(getDialogPane(), owner);
        setResultConverter(button -> button == SaveReviewDialog.SAVE ? accepted() : null);
        // The pages are never shown themselves: their change keys are handed to the page on screen.
        getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> page(files.getSelectionModel().getSelectedIndex()).navigationKey(e));
        setOnShown(e -> Platform.runLater(() -> page(0).showFirstChange()));
    }

    private SaveReviewDialog page(int index) {
        return new ArrayList<>(pages.values()).get(Math.max(0, index));
    }

    /** Each file's text to save, in the order the pages were given. */
    public List<String> accepted() {
        return pages.values().stream().map(SaveReviewDialog::accepted).toList();
    }

    /** The file names, one tab each, for tests. */
    public List<String> names() {
        return List.copyOf(pages.keySet());
    }
}
