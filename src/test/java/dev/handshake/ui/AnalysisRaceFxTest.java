package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.io.DiskSnapshot;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Promise 5 of issue 13 in the editor, headless: the document's analyses run on an executor this test
 * runs by hand, so "while an analysis is pending" is a state the test sets, not a timing it hopes for.
 * Saving writes the buffer the user sees, never the text an analysis was computed from; a quick fix
 * offered for an older text is refused on newer text; Fix all waits for an analysis of the text as it is.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisRaceFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String TEXT = "http {\n    server {\n        location / {\n            proxy_pass https://a.example;\n"
            + "            proxy_ssl_verify off;\n        }\n    }\n}\n";
    private static final String FIXED = TEXT.replace("proxy_ssl_verify off;", "proxy_ssl_verify on;");
    private static final String ABOVE = "# reloaded: a line above the finding\n";

    /** Background work runs only when the test says so. */
    static final class Pending implements Executor {
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int size() {
            return tasks.size();
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }

    @TempDir
    Path dir;

    private final Pending analyses = new Pending();
    private final SimpleObjectProperty<Linter> linter = new SimpleObjectProperty<>(TestRules.linter());
    private Document document;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        StatusBar status = new StatusBar();
        var settings = new SimpleObjectProperty<>(Settings.defaults().withReviewBeforeSave(false));
        document = new Document(new Document.Needs(stage, status, settings, linter, new RecentFiles(prefs),
                file -> Optional.empty(), url -> { }), analyses);
        BorderPane root = new BorderPane(document.editor().node());
        root.setBottom(status.node());
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            document.dispose();
            stage.close();
            return null;
        });
    }

    /** Opens {@code TEXT} from a file and lets its first analysis run and show. */
    private Path opened() throws Exception {
        Path file = dir.resolve("gateway.conf");
        Files.writeString(file, TEXT, StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        fx(() -> {
            document.show(file, "gateway.conf", SourceText.decode(bytes), DiskSnapshot.of(file, bytes));
            return null;
        });
        analyses.runAll();
        ConfigEditor editor = document.editor();
        until("the first analysis is shown", () -> findings(editor.analysisProperty().get()) == 1);
        return file;
    }

    private static long findings(Analysis analysis) {
        return analysis == null ? -1 : analysis.diagnostics().stream().filter(d -> d.rule().equals(TestRules.VERIFY_OFF)).count();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-message").queryAs(Label.class).getText();
    }

    @Test
    void savingWhileAnAnalysisIsPendingWritesTheBufferNotTheAnalysedText(FxRobot robot) throws Exception {
        Path file = opened();
        ConfigEditor editor = document.editor();
        String typed = "    # typed after the analysis was asked for\n";
        fx(() -> {
            editor.replaceRange(new TextRange(TEXT.indexOf("    server"), TEXT.indexOf("    server")), typed);
            return null;
        });
        until("the analysis of the typed text is asked for (and left pending)", () -> analyses.size() > 0);
        String seen = fx(editor::text);
        assertEquals(TEXT, fx(() -> editor.analysisProperty().get().text()), "the analysis shown is of the older text");
        assertTrue(fx(document::save));
        assertEquals(seen, Files.readString(file, StandardCharsets.UTF_8), "the buffer the user sees was saved");
        assertFalse(fx(() -> editor.modifiedProperty().get()));

        // the pending analysis finishes after the save and changes nothing on disk; the save may ask for
        // one more (the tabs that depend on the file are analysed again), which runs here too
        until("the analysis of the saved text is shown", () -> {
            analyses.runAll();
            Analysis shown = editor.analysisProperty().get();
            return shown != null && shown.text().equals(seen);
        });
        assertEquals(seen, Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(fx(() -> editor.modifiedProperty().get()));
    }

    @Test
    void aQuickFixOfferedForAnOlderTextIsRefusedOnTheNewerOne(FxRobot robot) throws Exception {
        opened();
        ConfigEditor editor = document.editor();
        fx(() -> {
            editor.moveCaret(TEXT.indexOf("off;"));
            document.quickFixes().showAtCaret();
            return null;
        });
        ContextMenu menu = fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && "quick-fix-menu".equals(((ContextMenu) w).getId()))
                .map(ContextMenu.class::cast).findFirst().orElseThrow());
        assertEquals("Verify the certificate: set proxy_ssl_verify on", fx(() -> menu.getItems().get(0).getText()));
        // While the menu is open the text changes (a reload from disk, a fix in another tab), and the
        // analysis of the new text has not run: the menu's fix still holds offsets of the old text.
        fx(() -> {
            editor.replaceRange(new TextRange(0, 0), ABOVE);
            menu.getItems().get(0).fire();
            return null;
        });
        assertEquals(ABOVE + TEXT, fx(editor::text), "the old fix's offsets were not applied to the newer text");
        until("the user is told why", () -> status(robot).startsWith("Not applied: the text changed"));

        analyses.runAll();
        until("the new text's analysis is shown", () -> editor.analysisProperty().get().text().equals(ABOVE + TEXT));
        fx(() -> {
            editor.moveCaret((ABOVE + TEXT).indexOf("off;"));
            document.quickFixes().showAtCaret();
            return null;
        });
        ContextMenu again = fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && ((ContextMenu) w).isShowing()
                        && "quick-fix-menu".equals(((ContextMenu) w).getId()))
                .map(ContextMenu.class::cast).findFirst().orElseThrow());
        assertEquals("Verify the certificate: set proxy_ssl_verify on", fx(() -> again.getItems().get(0).getText()));
        fx(() -> {
            again.getItems().get(0).fire();
            return null;
        });
        assertEquals(ABOVE + FIXED, fx(editor::text), "offered again for the current text, the fix applies where it should");
    }

    @Test
    void aFixWhoseDialogWasOpenWhileTheTextChangedIsRefused(FxRobot robot) throws Exception {
        fx(() -> {
            linter.set(Linter.standard()); // upstream-verify-off: its fix asks for the CA file
            return null;
        });
        Path file = dir.resolve("gateway.conf");
        Files.writeString(file, TEXT, StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        ConfigEditor editor = document.editor();
        fx(() -> {
            document.show(file, "gateway.conf", SourceText.decode(bytes), DiskSnapshot.of(file, bytes));
            return null;
        });
        analyses.runAll();
        until("the verify finding is shown", () -> editor.analysisProperty().get() != null && editor.analysisProperty().get()
                .diagnostics().stream().anyMatch(d -> d.rule().equals("upstream-verify-off")));
        fx(() -> {
            editor.moveCaret(TEXT.indexOf("off;"));
            document.quickFixes().showAtCaret();
            return null;
        });
        var item = fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && "quick-fix-menu".equals(((ContextMenu) w).getId()))
                .map(ContextMenu.class::cast).findFirst().orElseThrow().getItems().stream()
                .filter(i -> i.getText() != null && i.getText().endsWith("…")).findFirst().orElseThrow());
        javafx.application.Platform.runLater(item::fire); // the dialog waits on the FX thread
        until("the dialog", () -> robot.lookup("#fix-input-trusted-ca").tryQuery().isPresent());
        // While the dialog is open the buffer changes (a reload from disk runs in the dialog's event loop).
        fx(() -> {
            editor.replaceRange(new TextRange(0, 0), ABOVE);
            return null;
        });
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#fix-input-trusted-ca").query())
                .getEditor().setText("/etc/ssl/certs/ca-certificates.crt"));
        javafx.scene.control.Button apply = robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof javafx.scene.control.Button b && "Apply".equals(b.getText())).query();
        until("Apply is on", () -> !apply.isDisabled());
        robot.interact(apply::fire);
        until("the dialog closed", () -> robot.lookup("#fix-input-trusted-ca").tryQuery().isEmpty());
        assertEquals(ABOVE + TEXT, fx(editor::text), "the fix computed for the older text was not applied to the newer one");
        until("the user is told why", () -> status(robot).startsWith("Not applied: the text changed"));
    }

    @Test
    void fixAllAskedWhileAnOlderAnalysisIsShownFixesTheTextAsItIsNow(FxRobot robot) throws Exception {
        opened();
        ConfigEditor editor = document.editor();
        fx(() -> {
            editor.replaceRange(new TextRange(0, 0), ABOVE);
            document.quickFixes().fixAllSafe();
            return null;
        });
        assertEquals(ABOVE + TEXT, fx(editor::text), "nothing is applied from the analysis of the older text");
        analyses.runAll();
        until("fixed once the current text's analysis is in", () -> editor.text().equals(ABOVE + FIXED));
    }
}
