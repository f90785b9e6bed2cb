package dev.handshake.ui.review;

import dev.handshake.diff.Hunk;
import dev.handshake.diff.HunkLine;
import dev.handshake.diff.SideBySideRow;
import dev.handshake.diff.TextDiff;
import dev.handshake.ui.theme.Themes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/**
 * Shows what a save will change: the diff from the file on disk to the buffer, unified (one box per
 * hunk, each with a "Keep" box) and side by side. The result is the text to write: the disk text with
 * exactly the kept hunks applied. Every shown line is syntax-coloured like the editor (same style
 * classes, so both themes apply) on its insert/delete background. Cancel gives no result and so changes nothing.
 */
public final class SaveReviewDialog extends Dialog<String> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final TextDiff diff;
    private final CodeLines oldLines;
    private final CodeLines newLines;
    private final List<CheckBox> keeps = new ArrayList<>();
    private final Label summary = new Label();
    private final Label checks = new Label();

    /**
     * Adds a line above the changes: what a check of the buffer found (syntax errors, {@code nginx -t}).
     * {@code problem} lines are styled as warnings.
     */
    public void addCheck(String line, boolean problem) {
        String shown = checks.getText().isEmpty() ? line : checks.getText() + "\n" + line;
        checks.setText(shown);
        checks.setManaged(true);
        checks.setVisible(true);
        if (problem && !checks.getStyleClass().contains("review-warning")) {
            checks.getStyleClass().add("review-warning");
        }
    }

    /** Replaces the check line {@code placeholder} by {@code line}. */
    public void replaceCheck(String placeholder, String line, boolean problem) {
        checks.setText(checks.getText().replace(placeholder, line));
        if (problem && !checks.getStyleClass().contains("review-warning")) {
            checks.getStyleClass().add("review-warning");
        }
    }

    /** What the checks line says now, for tests. */
    public String checks() {
        return checks.getText();
    }

    public SaveReviewDialog(Window owner, String name, String onDisk, String buffer) {
        this.diff = TextDiff.between(onDisk, buffer);
        this.oldLines = new CodeLines(onDisk);
        this.newLines = new CodeLines(buffer);
        initOwner(owner);
        setTitle("Review changes");
        setHeaderText("Review the changes to " + name + " before saving");
        setResizable(true);
        summary.setId("review-summary");
        Tab unified = new Tab("Unified", unifiedView());
        Tab sideBySide = new Tab("Side by side", sideBySideView());
        TabPane tabs = new TabPane(unified, sideBySide);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(900, 520);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Button keepAll = new Button("Keep all");
        keepAll.setOnAction(e -> keeps.forEach(k -> k.setSelected(true)));
        Button revertAll = new Button("Revert all");
        revertAll.setOnAction(e -> keeps.forEach(k -> k.setSelected(false)));
        HBox top = new HBox(8, summary, keepAll, revertAll);
        top.setAlignment(Pos.CENTER_LEFT);
        checks.setId("review-checks");
        checks.setWrapText(true);
        checks.setManaged(false);
        checks.setVisible(false);
        getDialogPane().setContent(new VBox(8, checks, top, tabs));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("save-review");
        Themes.apply(getDialogPane(), owner);
        setResultConverter(button -> button == SAVE ? accepted() : null);
        updateSummary();
    }

    /** The hunks of the diff, for tests and callers that want to know whether there is anything to review. */
    public List<Hunk> hunks() {
        return diff.hunks();
    }

    /** The text to save: the disk text with the kept hunks applied. */
    public String accepted() {
        Set<Integer> kept = new TreeSet<>();
        for (int i = 0; i < keeps.size(); i++) {
            if (keeps.get(i).isSelected()) {
                kept.add(i);
            }
        }
        return diff.apply(kept);
    }

    private ScrollPane unifiedView() {
        VBox hunks = new VBox(10);
        hunks.setPadding(new Insets(8));
        for (Hunk hunk : diff.hunks()) {
            CheckBox keep = new CheckBox("Keep");
            keep.setSelected(true);
            keep.setId("keep-hunk-" + hunk.index());
            keep.selectedProperty().addListener((o, was, now) -> updateSummary());
            keeps.add(keep);
            Label header = new Label(hunk.header() + "   +" + hunk.insertions() + " −" + hunk.deletions());
            header.getStyleClass().add("hunk-header");
            HBox head = new HBox(12, keep, header);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox lines = new VBox();
            for (HunkLine line : hunk.lines()) {
                String background = "diff-" + line.kind().name().toLowerCase(Locale.ROOT);
                String gutter = line.prefix() + " ";
                lines.getChildren().add(line.kind() == HunkLine.Kind.DELETE
                        ? oldLines.line(gutter, line.oldNumber(), line.text(), background)
                        : newLines.line(gutter, line.newNumber(), line.text(), background));
            }
            VBox box = new VBox(4, head, lines);
            box.getStyleClass().add("hunk");
            keep.selectedProperty().addListener((o, was, now) -> lines.setOpacity(now ? 1.0 : 0.45));
            hunks.getChildren().add(box);
        }
        ScrollPane scroll = new ScrollPane(hunks);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ListView<SideBySideRow> sideBySideView() {
        ListView<SideBySideRow> rows = new ListView<>();
        rows.getItems().setAll(diff.sideBySide());
        rows.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SideBySideRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                TextFlow left = side(oldLines, row.oldNumber(), row.oldText(), row.changed() ? "diff-delete" : "diff-context");
                TextFlow right = side(newLines, row.newNumber(), row.newText(), row.changed() ? "diff-insert" : "diff-context");
                HBox both = new HBox(left, right);
                HBox.setHgrow(left, Priority.ALWAYS);
                HBox.setHgrow(right, Priority.ALWAYS);
                left.prefWidthProperty().bind(list.widthProperty().subtract(24).divide(2));
                right.prefWidthProperty().bind(list.widthProperty().subtract(24).divide(2));
                setGraphic(both);
            }
        });
        return rows;
    }

    private static TextFlow side(CodeLines side, int number, String text, String style) {
        return text == null ? CodeLines.absent() : side.line(String.format("%4d  ", number), number, text, style);
    }

    private void updateSummary() {
        long kept = keeps.stream().filter(CheckBox::isSelected).count();
        summary.setText(kept + " of " + keeps.size() + " change" + (keeps.size() == 1 ? "" : "s") + " will be saved");
    }
}
