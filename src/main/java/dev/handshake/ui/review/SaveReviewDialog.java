package dev.handshake.ui.review;

import dev.handshake.diff.Hunk;
import dev.handshake.diff.HunkLine;
import dev.handshake.diff.TextDiff;
import dev.handshake.ui.theme.Themes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows what a save will change: the diff from the file on disk to the buffer, one hunk per run of
 * changed lines (two fixes a few lines apart are two hunks; fixes on touching lines are one), unified
 * (one box per hunk) and side by side, each hunk with a "Keep" box shared by both views. The result is the
 * text to write: the disk text with exactly the kept hunks applied. "Next change" / "Previous change"
 * (F7 / Shift+F7, Alt+Down / Alt+Up) step through the hunks; the review opens at the first one. Lines
 * never wrap, the views scroll sideways. Every shown line is syntax-coloured like the editor (same style
 * classes, so both themes apply) on its insert/delete background. Cancel gives no result and so changes nothing.
 */
public final class SaveReviewDialog extends Dialog<String> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    /** Style class of the hunk the navigation is at. */
    static final String CURRENT = "current-change";

    private final TextDiff diff;
    private final CodeLines oldLines;
    private final CodeLines newLines;
    private final List<BooleanProperty> keeps = new ArrayList<>();
    private final List<VBox> hunkBoxes = new ArrayList<>();
    private final Label summary = new Label();
    private final Label position = new Label();
    private final Label checks = new Label();
    private final ScrollPane unified;
    private final SideBySideView sideBySide;
    private final TabPane tabs;
    private int current = -1;

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
        this.diff = TextDiff.eachChange(onDisk, buffer);
        this.oldLines = new CodeLines(onDisk);
        this.newLines = new CodeLines(buffer);
        for (int i = 0; i < diff.hunks().size(); i++) {
            BooleanProperty keep = new SimpleBooleanProperty(true);
            keep.addListener((o, was, now) -> updateSummary());
            keeps.add(keep);
        }
        initOwner(owner);
        setTitle("Review changes");
        setHeaderText("Review the changes to " + name + " before saving");
        setResizable(true);
        summary.setId("review-summary");
        position.setId("review-position");
        unified = unifiedView();
        sideBySide = new SideBySideView(diff, oldLines, newLines, keeps);
        tabs = new TabPane(new Tab("Unified", unified), new Tab("Side by side", sideBySide.node()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(900, 520);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> Platform.runLater(this::reveal));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        checks.setId("review-checks");
        checks.setWrapText(true);
        checks.setManaged(false);
        checks.setVisible(false);
        Label together = new Label("Each run of changed lines is one change: fixes on touching lines are kept or"
                + " reverted together.");
        together.getStyleClass().add("review-note");
        together.setWrapText(true);
        getDialogPane().setContent(new VBox(8, checks, toolbar(), together, tabs));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("save-review");
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, this::navigationKey);
        Themes.apply(getDialogPane(), owner);
        setResultConverter(button -> button == SAVE ? accepted() : null);
        updateSummary();
        // Open at the first change once the views are laid out.
        setOnShown(e -> Platform.runLater(() -> showChange(0)));
    }

    private HBox toolbar() {
        Button keepAll = new Button("Keep all");
        keepAll.setOnAction(e -> keeps.forEach(k -> k.set(true)));
        Button revertAll = new Button("Revert all");
        revertAll.setOnAction(e -> keeps.forEach(k -> k.set(false)));
        Button previous = new Button("Previous change");
        previous.setId("review-previous");
        previous.setTooltip(new Tooltip("Shift+F7 or Alt+Up"));
        previous.setOnAction(e -> step(-1));
        Button next = new Button("Next change");
        next.setId("review-next");
        next.setTooltip(new Tooltip("F7 or Alt+Down"));
        next.setOnAction(e -> step(1));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, summary, keepAll, revertAll, gap, position, previous, next);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    /** F7 / Shift+F7 and Alt+Down / Alt+Up step through the changes (a {@link FilesReviewDialog} forwards them). */
    void navigationKey(KeyEvent e) {
        boolean forward = e.getCode() == KeyCode.F7 && !e.isShiftDown() || e.getCode() == KeyCode.DOWN && e.isAltDown();
        boolean back = e.getCode() == KeyCode.F7 && e.isShiftDown() || e.getCode() == KeyCode.UP && e.isAltDown();
        if (forward || back) {
            step(forward ? 1 : -1);
            e.consume();
        }
    }

    /** The hunks of the diff, for tests and callers that want to know whether there is anything to review. */
    public List<Hunk> hunks() {
        return diff.hunks();
    }

    /** The text to save: the disk text with the kept hunks applied. */
    public String accepted() {
        Set<Integer> kept = new TreeSet<>();
        for (int i = 0; i < keeps.size(); i++) {
            if (keeps.get(i).get()) {
                kept.add(i);
            }
        }
        return diff.apply(kept);
    }

    /** The 0-based hunk the navigation is at, or -1 before the review was shown. */
    public int currentChange() {
        return current;
    }

    /** Moves to the next ({@code +1}) or previous ({@code -1}) change, wrapping around at the ends. */
    void step(int direction) {
        if (!hunkBoxes.isEmpty()) {
            showChange(Math.floorMod(current + direction, hunkBoxes.size()));
        }
    }

    /** Brings the first change into view (what showing the dialog does; a page of a {@link FilesReviewDialog} asks for it). */
    void showFirstChange() {
        if (current < 0 && !diff.hunks().isEmpty()) {
            showChange(0);
        }
    }

    private void showChange(int index) {
        if (index < 0 || index >= hunkBoxes.size()) {
            position.setText("");
            return;
        }
        if (current >= 0) {
            hunkBoxes.get(current).getStyleClass().remove(CURRENT);
        }
        current = index;
        hunkBoxes.get(current).getStyleClass().add(CURRENT);
        position.setText("Change " + (current + 1) + " of " + hunkBoxes.size());
        reveal();
    }

    /** Scrolls the view on show so the current change is in sight. */
    private void reveal() {
        if (current < 0) {
            return;
        }
        if (tabs.getSelectionModel().getSelectedIndex() == 1) {
            sideBySide.reveal(current);
            return;
        }
        unified.layout();
        VBox box = hunkBoxes.get(current);
        double contentHeight = unified.getContent().getBoundsInLocal().getHeight();
        double viewport = unified.getViewportBounds().getHeight();
        Bounds at = box.getBoundsInParent();
        if (contentHeight > viewport) {
            unified.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 8) / (contentHeight - viewport))));
        }
    }

    private ScrollPane unifiedView() {
        VBox hunks = new VBox(10);
        hunks.setPadding(new Insets(8));
        for (Hunk hunk : diff.hunks()) {
            CheckBox keep = new CheckBox("Keep");
            keep.setId("keep-hunk-" + hunk.index());
            keep.selectedProperty().bindBidirectional(keeps.get(hunk.index()));
            Label header = new Label("Change " + (hunk.index() + 1) + "   " + hunk.header() + "   +"
                    + hunk.insertions() + " −" + hunk.deletions());
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
            hunkBoxes.add(box);
            hunks.getChildren().add(box);
        }
        ScrollPane scroll = new ScrollPane(hunks);
        // Short lines' backgrounds span the view; a long line widens the content and a scroll bar appears.
        scroll.setFitToWidth(true);
        scroll.setId("review-unified");
        return scroll;
    }

    private void updateSummary() {
        long kept = keeps.stream().filter(BooleanProperty::get).count();
        summary.setText(kept + " of " + keeps.size() + " change" + (keeps.size() == 1 ? "" : "s") + " will be saved");
    }
}
