package dev.handshake.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The review of several files: a tab per file, each with its own changes, keys and result. */
@ExtendWith(ApplicationExtension.class)
class FilesReviewDialogFxTest {

    private static final String OLD = "a;\nb;\nc;\nd;\ne;\nf;\ng;\nh;\ni;\nj;\n";
    private static final String NEW = OLD.replace("b;", "B;").replace("i;", "I;");

    private Stage owner;
    private FilesReviewDialog dialog;
    private SaveReviewDialog first;
    private SaveReviewDialog second;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
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

    @Test
    void eachFileIsATabWhoseKeysStepThroughItsOwnChanges(FxRobot robot) throws Exception {
        robot.interact(() -> {
            first = new SaveReviewDialog(owner, "nginx.conf", OLD, NEW);
            second = new SaveReviewDialog(owner, "inc.conf", "x;\n", "y;\n");
            Map<String, SaveReviewDialog> pages = new LinkedHashMap<>();
            pages.put("nginx.conf", first);
            pages.put("inc.conf", second);
            dialog = new FilesReviewDialog(owner, pages);
            dialog.show();
        });
        assertEquals(List.of("nginx.conf", "inc.conf"), dialog.names());
        until("the first file opens at its first change", () -> first.currentChange() == 0);
        robot.press(KeyCode.F7).release(KeyCode.F7);
        until("F7 steps to the first file's second change", () -> first.currentChange() == 1);
        robot.press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT);
        until("Shift+F7 steps back", () -> first.currentChange() == 0);
        robot.interact(() -> robot.lookup("#review-files").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        until("the second file opens at its change", () -> second.currentChange() == 0);
        robot.interact(() -> robot.lookup("#keep-hunk-1").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
        assertEquals(List.of(OLD.replace("b;", "B;"), "y;\n"), dialog.accepted(),
                "each file's own Keep boxes decide its text");
    }
}
