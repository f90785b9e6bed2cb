package dev.handshake.ui.review;

import dev.handshake.diff.Hunk;
import dev.handshake.diff.SideBySideRow;
import dev.handshake.diff.TextDiff;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The whole file in two columns, old on the left and new on the right, each change headed by its own
 * "Keep" box (the same choice as the unified view's). Lines never wrap: each column shows half the view
 * of lines as long as the longest line of either side, and one scroll bar under both moves them sideways
 * together, so both sides stay in sight.
 */
final class SideBySideView {

    /** A list entry: the header of hunk {@code header}, or one row of the diff. */
    record Item(Hunk header, SideBySideRow row) {
    }

    private final ListView<Item> list = new ListView<>();
    private final ScrollBar sideways = new ScrollBar();
    private final VBox node = new VBox(list, sideways);
    private final List<Integer> headerRows = new ArrayList<>();
    private final CodeLines oldLines;
    private final CodeLines newLines;
    private final List<BooleanProperty> keeps;

    SideBySideView(TextDiff diff, CodeLines oldLines, CodeLines newLines, List<BooleanProperty> keeps) {
        this.oldLines = oldLines;
        this.newLines = newLines;
        this.keeps = keeps;
        int widest = 0;
        int nextHunk = 0;
        for (SideBySideRow row : diff.sideBySide()) {
            if (row.hunk() >= nextHunk && row.hunk() < diff.hunks().size()) {
                headerRows.add(list.getItems().size());
                list.getItems().add(new Item(diff.hunks().get(row.hunk()), null));
                nextHunk = row.hunk() + 1;
            }
            list.getItems().add(new Item(null, row));
            widest = Math.max(widest, Math.max(length(row.oldText()), length(row.newText())));
        }
        list.setId("review-side-by-side");
        // Gutter ("1234  ") plus the longest line, in the review's monospaced font, plus the line padding.
        Text measure = new Text("m".repeat(widest + 6));
        measure.setFont(Font.font("Monospaced", 12));
        double columnWidth = measure.getLayoutBounds().getWidth() + 16;
        DoubleBinding half = list.widthProperty().subtract(24).divide(2);
        DoubleBinding column = Bindings.createDoubleBinding(() -> Math.max(half.get(), columnWidth), half);
        sideways.setId("review-sideways");
        sideways.setMin(0);
        sideways.maxProperty().bind(column.subtract(half));
        sideways.visibleProperty().bind(column.greaterThan(half));
        sideways.managedProperty().bind(sideways.visibleProperty());
        sideways.setUnitIncrement(24);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(view -> new Cell(half, column));
        // A change kept or reverted (here or in the unified view) dims or restores its new side.
        keeps.forEach(keep -> keep.addListener((o, was, now) -> list.refresh()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The list with the sideways scroll bar under it. */
    VBox node() {
        return node;
    }

    /** Scrolls so hunk {@code index} starts a few lines below the top, with its context above it in view. */
    void reveal(int index) {
        if (index < 0 || index >= headerRows.size()) {
            return;
        }
        int row = Math.max(0, headerRows.get(index) - 2);
        if (list.getSkin() != null) {
            list.scrollTo(row);
            return;
        }
        // Before its first layout the list has no skin and would drop the scroll request.
        list.skinProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable skin) {
                list.skinProperty().removeListener(this);
                javafx.application.Platform.runLater(() -> list.scrollTo(row));
            }
        });
    }

    private final class Cell extends ListCell<Item> {

        private final DoubleBinding half;
        private final DoubleBinding column;
        private final CheckBox keep = new CheckBox("Keep");
        private final Label header = new Label();
        private final HBox head = new HBox(12, keep, header);
        private BooleanProperty bound;

        Cell(DoubleBinding half, DoubleBinding column) {
            this.half = half;
            this.column = column;
            head.setAlignment(Pos.CENTER_LEFT);
            header.getStyleClass().add("hunk-header");
            // The columns fit the view; the list must not add a sideways bar of its own for the padding.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                keep.selectedProperty().unbindBidirectional(bound);
                bound = null;
            }
            getStyleClass().remove("side-hunk-header");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item.header() != null) {
                Hunk hunk = item.header();
                bound = keeps.get(hunk.index());
                keep.setSelected(bound.get());
                keep.selectedProperty().bindBidirectional(bound);
                keep.setId("side-keep-hunk-" + hunk.index());
                header.setText("Change " + (hunk.index() + 1) + "   " + hunk.header());
                getStyleClass().add("side-hunk-header");
                setGraphic(head);
                return;
            }
            SideBySideRow row = item.row();
            TextFlow left = side(oldLines, row.oldNumber(), row.oldText(), row.changed() ? "diff-delete" : "diff-context");
            TextFlow right = side(newLines, row.newNumber(), row.newText(), row.changed() ? "diff-insert" : "diff-context");
            if (row.changed() && !keeps.get(row.hunk()).get()) {
                right.setOpacity(0.45);
            }
            setGraphic(new HBox(window(left), window(right)));
        }

        /** Half the view onto a full-length line, shifted by the sideways scroll bar. */
        private Pane window(TextFlow line) {
            line.prefWidthProperty().bind(column);
            line.translateXProperty().bind(sideways.valueProperty().negate());
            Pane window = new Pane(line);
            window.prefWidthProperty().bind(half);
            window.setMinWidth(Region.USE_PREF_SIZE);
            window.setMaxWidth(Region.USE_PREF_SIZE);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(window.widthProperty());
            clip.heightProperty().bind(window.heightProperty());
            window.setClip(clip);
            return window;
        }
    }

    private static TextFlow side(CodeLines side, int number, String text, String style) {
        return text == null ? CodeLines.absent() : side.line(String.format("%4d  ", number), number, text, style);
    }
}
