package dev.handshake.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.editor.StyleRun;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The save review colours each shown line like the editor, on its insert/delete background, in both themes. */
@ExtendWith(ApplicationExtension.class)
class ReviewHighlightFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String OLD = "http {\n    server {\n        listen 80;\n        proxy_ssl_verify off;\n"
            + "        set $name \"a $host\";\n    }\n}\n";
    private static final String NEW = OLD.replace("listen 80;", "listen 8080;").replace("verify off", "verify on");

    private Stage owner;
    private SaveReviewDialog dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        StackPane root = new StackPane();
        stage.setScene(new Scene(root, 300, 200));
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

    private void open(FxRobot robot, boolean dark) {
        robot.interact(() -> {
            if (dark) {
                owner.getScene().getRoot().getStyleClass().add("dark");
            }
            dialog = new SaveReviewDialog(owner, "review.conf", OLD, NEW);
            dialog.show();
        });
    }

    /** The text node reading {@code word} on a line with background class {@code line}. */
    private static Text piece(FxRobot robot, String line, String word) {
        Optional<Text> found = robot.lookup("." + line + " ." + CodeLines.TEXT).queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals(word) && t.isVisible()).findFirst();
        assertTrue(found.isPresent(), "no '" + word + "' on a ." + line + " line");
        return found.get();
    }

    @Test
    void unifiedLinesCarryTheEditorsSyntaxClasses(FxRobot robot) {
        open(robot, false);
        Text listen = piece(robot, "diff-insert", "listen");
        assertTrue(listen.getStyleClass().contains("directive"), listen.getStyleClass().toString());
        assertEquals(Color.web("#0550ae"), listen.getFill(), "the editor's directive colour");
        assertTrue(piece(robot, "diff-delete", "80").getStyleClass().contains("argument"));
        assertTrue(piece(robot, "diff-insert", "on").getStyleClass().contains("switch"));
        assertTrue(piece(robot, "diff-delete", "off").getStyleClass().contains("switch"));
        assertTrue(piece(robot, "diff-context", "server").getStyleClass().contains("block-name"));
        Text variable = piece(robot, "diff-context", "$host");
        assertEquals(List.of(CodeLines.TEXT, "string", "variable"), List.copyOf(variable.getStyleClass()),
                "a variable inside a string, sliced from the whole file's runs");
        Node insertLine = listen.getParent();
        assertTrue(insertLine.getStyleClass().contains("diff-insert"), "keeps the insert background");
    }

    @Test
    void sideBySideIsColouredToo(FxRobot robot) {
        open(robot, false);
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Text listen = robot.lookup(".list-view .diff-insert ." + CodeLines.TEXT).queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals("listen")).findFirst().orElseThrow();
        assertTrue(listen.getStyleClass().contains("directive"));
    }

    @Test
    void darkThemeUsesTheDarkEditorColours(FxRobot robot) {
        open(robot, true);
        assertTrue(dialog.getDialogPane().getStyleClass().contains("dark"));
        assertEquals(Color.web("#56a8f5"), piece(robot, "diff-insert", "listen").getFill());
    }

    @Test
    void aLineThatDisagreesWithItsTextStaysPlain() {
        CodeLines lines = new CodeLines("listen 80;\n");
        assertEquals(List.of(new StyleRun(6, List.of("directive")), new StyleRun(1, List.of()),
                new StyleRun(2, List.of("argument")), new StyleRun(1, List.of("semicolon"))), lines.runsOf(1, "listen 80;"));
        assertEquals(List.of(new StyleRun(5, List.of())), lines.runsOf(1, "other"));
        assertEquals(List.of(new StyleRun(2, List.of())), lines.runsOf(7, "ab"));
    }
}
