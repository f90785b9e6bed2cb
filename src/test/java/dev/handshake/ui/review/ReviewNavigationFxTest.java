package dev.handshake.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review of a long file: it opens at the first change, "Next change"/"Previous change" and their keys
 * bring each change into view in both tabs, and a long line scrolls sideways instead of wrapping.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewNavigationFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String LONG_VALUE = "x".repeat(400);
    private static final String OLD = file(false);
    private static final String NEW = file(true);

    /**
     * 300 lines with a change every 20 lines from line 20 to 280 (line 200 gets a 400-character value), so
     * the 14 changes do not fit in one screen of the unified view either.
     */
    private static String file(boolean edited) {
        StringBuilder text = new StringBuilder("http {\n");
        for (int i = 2; i < 300; i++) {
            String line = "    add_header X-Line-" + i + " v" + i + ";";
            if (edited && i == 200) {
                line = "    add_header X-Long \"" + LONG_VALUE + "\";";
            } else if (edited && i % 20 == 0) {
                line = "    add_header X-Line-" + i + " changed;";
            }
            text.append(line).append('\n');
        }
        return text.append("}\n").toString();
    }

    private Stage owner;
    private SaveReviewDialog dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.getScene().getStylesheets().add(getClass().getResource("/ui/handshake.css").toExternalForm());
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (dialog != null) {
                dialog.close();
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new SaveReviewDialog(owner, "long.conf", OLD, NEW);
            dialog.show();
        });
        until("opened at the first change", () -> dialog.currentChange() == 0);
    }

    /** Whether the unified view's box of hunk {@code index} is inside the scroll pane's viewport. */
    private boolean unifiedShows(FxRobot robot, int index) {
        ScrollPane scroll = robot.lookup("#review-unified").queryAs(ScrollPane.class);
        Node box = robot.lookup("#keep-hunk-" + index).query().getParent().getParent();
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Bounds shown = box.localToScene(box.getLayoutBounds());
        return shown.getMinY() >= view.getMinY() - 1 && shown.getMinY() < view.getMaxY() - 20;
    }

    /** Whether the side-by-side list has a visible cell reading {@code text} (the list only builds visible cells). */
    private static boolean sideShows(FxRobot robot, String text) {
        return robot.lookup("#review-side-by-side .list-cell").queryAllAs(ListCell.class).stream()
                .filter(Node::isVisible)
                .anyMatch(cell -> cell.getGraphic() != null && robot.from(cell.getGraphic()).lookup(".diff-line")
                        .queryAllAs(TextFlow.class).stream().anyMatch(line -> reads(line).contains(text)));
    }

    /** A line's text: its syntax runs are separate Text nodes. */
    private static String reads(TextFlow line) {
        StringBuilder text = new StringBuilder();
        line.getChildren().forEach(t -> text.append(((Text) t).getText()));
        return text.toString();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    @Test
    void nextAndPreviousChangeBringEachChangeIntoView(FxRobot robot) throws Exception {
        open(robot);
        assertEquals(14, dialog.hunks().size());
        until("first change in view", () -> unifiedShows(robot, 0) && !unifiedShows(robot, 13));
        assertEquals("Change 1 of 14", robot.lookup("#review-position").queryLabeled().getText());
        robot.clickOn("#review-next");
        until("second change", () -> dialog.currentChange() == 1 && unifiedShows(robot, 1));
        press(robot, KeyCode.SHIFT, KeyCode.F7);
        press(robot, KeyCode.SHIFT, KeyCode.F7);
        until("wraps to the last", () -> dialog.currentChange() == 13 && unifiedShows(robot, 13) && !unifiedShows(robot, 0));
        press(robot, KeyCode.F7);
        until("wraps to the first", () -> dialog.currentChange() == 0 && unifiedShows(robot, 0) && !unifiedShows(robot, 13));
        press(robot, KeyCode.ALT, KeyCode.UP);
        until("Alt+Up", () -> dialog.currentChange() == 13);
        press(robot, KeyCode.ALT, KeyCode.DOWN);
        until("Alt+Down", () -> dialog.currentChange() == 0);
        for (int i = 0; i < 9; i++) {
            press(robot, KeyCode.F7);
        }
        until("tenth change", () -> dialog.currentChange() == 9 && unifiedShows(robot, 9) && !unifiedShows(robot, 0));
        robot.clickOn("#review-previous");
        until("Previous change", () -> dialog.currentChange() == 8 && unifiedShows(robot, 8)
                && robot.lookup("#review-position").queryLabeled().getText().equals("Change 9 of 14"));
        List<String> marked = robot.lookup("." + SaveReviewDialog.CURRENT).queryAll().stream()
                .map(n -> robot.from(n).lookup(".check-box").query().getId()).toList();
        assertEquals(List.of("keep-hunk-8"), marked, "only the current change is marked");
    }

    @Test
    void sideBySideOpensAtTheCurrentChangeAndFollowsTheNavigation(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> robot.lookup(".save-review .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        until("side by side opens at the first change", () -> sideShows(robot, "X-Line-20 changed")
                && !sideShows(robot, "X-Line-3 ") && !sideShows(robot, "X-Line-120 "));
        robot.interact(() -> dialog.step(5));
        until("side by side at the sixth change", () -> sideShows(robot, "X-Line-120 changed")
                && !sideShows(robot, "X-Line-3 ") && robot.lookup("#side-keep-hunk-5").tryQuery().isPresent());
        press(robot, KeyCode.F7);
        press(robot, KeyCode.F7);
        until("eighth change in view", () -> sideShows(robot, "X-Line-160 changed") && !sideShows(robot, "X-Line-120 changed"));
    }

    @Test
    void aLongLineScrollsSidewaysInsteadOfWrapping(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> dialog.step(9));
        until("long line shown", () -> unifiedShows(robot, 9));
        TextFlow longLine = robot.lookup("#review-unified .diff-insert").queryAllAs(TextFlow.class).stream()
                .filter(f -> f.getChildren().stream().anyMatch(t -> ((Text) t).getText().contains(LONG_VALUE)))
                .findFirst().orElseThrow();
        TextFlow shortLine = robot.lookup("#review-unified .diff-delete").queryAs(TextFlow.class);
        assertEquals(shortLine.getHeight(), longLine.getHeight(), 0.5, "one line high: not wrapped");
        ScrollPane scroll = robot.lookup("#review-unified").queryAs(ScrollPane.class);
        assertTrue(longLine.getWidth() > scroll.getViewportBounds().getWidth(), "wider than the view");
        robot.interact(() -> robot.lookup(".save-review .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        until("side by side at the change", () -> sideShows(robot, "X-Long"));
        TextFlow right = robot.lookup("#review-side-by-side .diff-insert").queryAllAs(TextFlow.class).stream()
                .filter(f -> f.getChildren().stream().anyMatch(t -> ((Text) t).getText().contains(LONG_VALUE)))
                .findFirst().orElseThrow();
        TextFlow left = robot.lookup("#review-side-by-side .diff-delete").queryAllAs(TextFlow.class).stream()
                .filter(f -> f.getChildren().stream().anyMatch(t -> ((Text) t).getText().contains("X-Line-200")))
                .findFirst().orElseThrow();
        assertEquals(left.getHeight(), right.getHeight(), 0.5, "the side-by-side line is not wrapped either");
        assertEquals(left.getWidth(), right.getWidth(), 0.5, "both lines as long as the longest line");
        ListView<?> list = robot.lookup("#review-side-by-side").queryAs(ListView.class);
        assertTrue(right.getParent().getLayoutBounds().getWidth() < list.getWidth() / 2 + 1, "each side shows half the view");
        ScrollBar sideways = robot.lookup("#review-sideways").queryAs(ScrollBar.class);
        assertTrue(sideways.isVisible() && sideways.getMax() > 0, "one bar scrolls both sides");
        assertTrue(robot.from(list).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .noneMatch(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()),
                "and the list has no sideways bar of its own");
        robot.interact(() -> sideways.setValue(sideways.getMax()));
        until("both sides moved", () -> left.getTranslateX() == -sideways.getMax() && right.getTranslateX() == -sideways.getMax());
    }
}
