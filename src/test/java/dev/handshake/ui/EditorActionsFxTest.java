package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Fix all, a fix that asks for input, bad files, the Problems panel and the editing keys, headless. */
@ExtendWith(ApplicationExtension.class)
class EditorActionsFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String TWO_OFF = "http {\n    server {\n        location /a {\n            proxy_pass https://a.example;\n"
            + "            proxy_ssl_verify off;\n        }\n        location /b {\n            proxy_pass https://b.example;\n"
            + "            proxy_ssl_verify off;\n        }\n    }\n}\n";

    private static final String IP_TARGET = "http {\n    server {\n        listen 443 ssl;\n        location / {\n"
            + "            proxy_pass https://10.0.4.22:443;\n        }\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        window = new MainWindow(stage, TestRules.linter(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private Path open(String text) throws Exception {
        Path file = dir.resolve("case-" + System.nanoTime() + ".conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertTrue(fx(() -> window.open(file)));
        return file;
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        for (KeyCode key : keys) {
            robot.press(key);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    @Test
    void fixAllSafeIsOneUndoStep(FxRobot robot) throws Exception {
        open(TWO_OFF);
        var editor = window.editor();
        until("two findings", () -> findings().stream()
                .filter(d -> d.rule().equals(TestRules.VERIFY_OFF)).count() == 2);
        robot.interact(editor::requestFocus);
        shortcut(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.F);
        String fixed = TWO_OFF.replace("proxy_ssl_verify off;", "proxy_ssl_verify on;");
        until("both fixed", () -> editor.text().equals(fixed));
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        until("one undo restores both", () -> editor.text().equals(TWO_OFF));
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        until("redo", () -> editor.text().equals(fixed));
    }

    @Test
    void fixThatNeedsInputAsksWithCandidatesAndPreview(FxRobot robot) throws Exception {
        var editor = window.editor();
        robot.interact(() -> editor.setLinter(dev.handshake.lint.Linter.standard()));
        open(IP_TARGET);
        until("SNI finding", () -> findings().stream()
                .anyMatch(d -> d.rule().equals("upstream-sni-off")));
        robot.interact(() -> editor.moveCaret(IP_TARGET.indexOf("proxy_pass")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.PERIOD);
        until("menu", () -> robot.lookup(".preferred-fix").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        until("dialog", () -> robot.lookup("#fix-input-sni-name").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> name = robot.lookup("#fix-input-sni-name").queryAs(ComboBox.class);
        javafx.scene.Node applyButton = robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && "Apply".equals(b.getText())).query();
        robot.interact(() -> name.getEditor().setText("10.0.4.22"));
        until("an IP is refused with the reason", () -> robot.lookup("#fix-preview").queryTextInputControl().getText()
                .equals("\"10.0.4.22\" cannot be used: an IP address is never sent as SNI (RFC 6066 allows host names"
                        + " only): use the DNS name the upstream's certificate carries") && applyButton.isDisabled());
        assertTrue(fx(() -> robot.lookup("#fix-preview").queryAs(javafx.scene.control.TextArea.class).isWrapText()),
                "the reason wraps inside the dialog (one long line hid its end)");
        robot.interact(() -> name.getEditor().setText("bad name;"));
        until("a name that is no argument is refused", () -> robot.lookup("#fix-preview").queryTextInputControl().getText()
                .startsWith("\"bad name;\" cannot be used: it would not be one nginx argument") && applyButton.isDisabled());
        robot.interact(() -> name.getEditor().setText("api.internal"));
        until("preview shows the name", () -> robot.lookup("#fix-preview").queryTextInputControl().getText()
                .contains("+            proxy_ssl_name api.internal;"));
        assertFalse(fx(() -> robot.lookup("#fix-preview").queryAs(javafx.scene.control.TextArea.class).isWrapText()),
                "a diff keeps its lines");
        until("the name field has the focus", () -> name.getScene().getFocusOwner() == name);
        robot.type(KeyCode.ENTER);
        until("applied", () -> editor.text().contains("proxy_ssl_name api.internal;")
                && editor.text().contains("proxy_ssl_server_name on;"));
        until("finding gone", () -> findings().stream()
                .noneMatch(d -> d.rule().equals("upstream-sni-off")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        until("undone in one step", () -> editor.text().equals(IP_TARGET));
        until("lightbulb back", () -> robot.lookup(".gutter-fixable").tryQuery().isPresent());
        robot.interact(() -> editor.moveCaret(0));
        robot.clickOn(".gutter-fixable");
        until("lightbulb opens the fixes", () -> robot.lookup(".preferred-fix").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void badInputGetsADialogAndChangesNothing(FxRobot robot) throws Exception {
        Path file = open(TWO_OFF);
        Path binary = dir.resolve("image.conf");
        Files.write(binary, new byte[] {'G', 'I', 'F', 0, 1, 2, 3});
        for (Path bad : new Path[] {dir, binary, dir.resolve("missing.conf")}) {
            Platform.runLater(() -> window.open(bad));
            until("error dialog for " + bad, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            String said = fx(() -> robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText());
            assertTrue(said.contains(bad.getFileName().toString()), said);
            robot.clickOn("OK");
            until("dialog closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
            assertEquals(TWO_OFF, fx(() -> window.editor().text()));
            assertEquals(file.getFileName() + " — Handshake", fx(() -> window.stage().getTitle()));
        }
    }

    @Test
    void problemsPanelFiltersJumpsAndF8Cycles(FxRobot robot) throws Exception {
        open(TWO_OFF);
        var editor = window.editor();
        until("two rows", () -> window.problems().visibleRows().size() == 2);
        ToggleButton warnings = robot.lookup("#filter-warning").queryAs(ToggleButton.class);
        assertEquals("Warnings (2)", fx(warnings::getText));
        assertEquals("Showing warnings: click to hide them", fx(() -> warnings.getTooltip().getText()));
        assertFalse(fx(() -> ((javafx.scene.text.Text) warnings.lookup(".text")).isStrikethrough()));
        robot.clickOn(warnings);
        until("warnings hidden", () -> window.problems().visibleRows().isEmpty());
        assertEquals("Warnings (2)", fx(warnings::getText), "the count stays: it is what the toggle holds back");
        assertEquals("Hiding warnings: click to show them", fx(() -> warnings.getTooltip().getText()));
        assertEquals("No problems shown: 2 hidden by the filters above",
                fx(() -> robot.lookup("#problems-placeholder").queryLabeled().getText()),
                "an empty list with hidden rows does not say 'No problems found'");
        until("a hidden severity is struck through", () -> {
            warnings.applyCss();
            return ((javafx.scene.text.Text) warnings.lookup(".text")).isStrikethrough();
        });
        robot.clickOn(warnings);
        until("warnings back", () -> window.problems().visibleRows().size() == 2);
        assertTrue(fx(() -> window.problems().visibleRows().stream()
                .allMatch(p -> p.diagnostic().severity() == Severity.WARNING)));

        int second = TWO_OFF.lastIndexOf("proxy_ssl_verify");
        robot.interact(() -> {
            var table = robot.lookup("#problems-table").queryTableView();
            table.requestFocus();
            table.getSelectionModel().select(1);
        });
        robot.type(KeyCode.ENTER);
        until("Enter jumps to the second finding", () -> editor.caretProperty().get() == TWO_OFF.indexOf("\n", second)
                || editor.caretProperty().get() == second + "proxy_ssl_verify off;".length());

        robot.interact(() -> editor.moveCaret(0));
        robot.type(KeyCode.F8);
        until("F8 to first", () -> editor.caretProperty().get() == TWO_OFF.indexOf("proxy_ssl_verify"));
        robot.type(KeyCode.F8);
        until("F8 to second", () -> editor.caretProperty().get() == second);
        robot.type(KeyCode.F8);
        until("F8 wraps", () -> editor.caretProperty().get() == TWO_OFF.indexOf("proxy_ssl_verify"));
        shortcut(robot, KeyCode.SHIFT, KeyCode.F8);
        until("Shift+F8 back", () -> editor.caretProperty().get() == second);
        until("status counts", () -> robot.lookup("#status-counts").queryLabeled().getText().equals("2 warnings"));
    }

    @Test
    void editingKeys(FxRobot robot) throws Exception {
        open("server {\n}\n");
        var editor = window.editor();
        robot.interact(() -> editor.moveCaret("server {".length()));
        robot.type(KeyCode.ENTER);
        robot.write("listen 80;");
        until("indented after {", () -> editor.text().equals("server {\n    listen 80;\n}\n"));
        robot.type(KeyCode.ENTER);
        robot.write("}");
        until("} dedents", () -> editor.text().equals("server {\n    listen 80;\n}\n}\n"));
        robot.interact(() -> editor.replaceAll("server {\n    listen 80;\n}\n"));

        robot.interact(() -> editor.moveCaret("server {\n    li".length()));
        shortcut(robot, KeyCode.CONTROL, KeyCode.SLASH);
        until("commented", () -> editor.text().startsWith("server {\n    # listen 80;\n"));
        shortcut(robot, KeyCode.CONTROL, KeyCode.SLASH);
        until("uncommented", () -> editor.text().startsWith("server {\n    listen 80;\n"));

        shortcut(robot, KeyCode.CONTROL, KeyCode.H);
        until("find bar", () -> robot.lookup("#find-field").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.interact(() -> {
            robot.lookup("#find-field").queryTextInputControl().setText("80");
            robot.lookup("#replace-field").queryTextInputControl().setText("8080");
        });
        robot.clickOn("Replace all");
        until("replaced", () -> editor.text().startsWith("server {\n    listen 8080;\n"));
    }

    @Test
    void saveKeepsBomAndCrlfAndSaveAsMovesTheBuffer(FxRobot robot) throws Exception {
        Path file = dir.resolve("crlf-" + System.nanoTime() + ".conf");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "server {\r\n    listen 80;\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(bom, body));
        assertTrue(fx(() -> window.open(file)));
        var editor = window.editor();
        robot.interact(() -> editor.moveCaret("server {\n    listen 80".length()));
        robot.write("8");
        until("typed", () -> editor.text().equals("server {\n    listen 808;\n}\n"));
        robot.interact(() -> window.settings().apply(window.settings().current().withReviewBeforeSave(false)));
        shortcut(robot, KeyCode.CONTROL, KeyCode.S);
        until("saved", () -> !editor.modifiedProperty().get());
        byte[] expected = concat(bom, "server {\r\n    listen 808;\r\n}\r\n".getBytes(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, Files.readAllBytes(file));

        Path copy = dir.resolve("copy-" + System.nanoTime() + ".conf");
        assertTrue(fx(() -> window.tabs().current().saveAs(copy)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, Files.readAllBytes(copy));
        assertEquals(copy.getFileName() + " — Handshake", fx(() -> window.stage().getTitle()));
        assertEquals(copy, fx(() -> window.recent().list().get(0)));
        assertEquals(copy, fx(() -> editor.pathProperty().get()));
    }

    @Test
    void saveTouchesOnlyTheEditedLineOfAFileWithMixedLineEndings(FxRobot robot) throws Exception {
        Path file = dir.resolve("mixed-" + System.nanoTime() + ".conf");
        Files.writeString(file, "events {}\r\nhttp {\n    server {\r\n        listen 80;\n    }\r\n}\n");
        assertTrue(fx(() -> window.open(file)));
        var editor = window.editor();
        int at = "events {}\nhttp {\n    server {\n        listen 80".length();
        robot.interact(() -> editor.moveCaret(at));
        robot.write("8");
        until("typed", () -> editor.text().contains("listen 808;"));
        robot.interact(() -> window.settings().apply(window.settings().current().withReviewBeforeSave(false)));
        shortcut(robot, KeyCode.CONTROL, KeyCode.S);
        until("saved", () -> !editor.modifiedProperty().get());
        assertEquals("events {}\r\nhttp {\n    server {\r\n        listen 808;\n    }\r\n}\n", Files.readString(file));
    }

    @Test
    void formatDocumentIsOneUndoStep(FxRobot robot) throws Exception {
        String messy = "http {\nserver {\n  listen   80 ;  # port\n}\n}\n";
        open(messy);
        var editor = window.editor();
        robot.interact(editor::requestFocus);
        shortcut(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.L);
        until("formatted", () -> editor.text().equals("http {\n    server {\n        listen 80; # port\n    }\n}\n"));
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        until("one undo step", () -> editor.text().equals(messy));
    }

    @Test
    void ctrlSpaceCompletesTheDirectiveNameAtTheCaret(FxRobot robot) throws Exception {
        String typed = "http {\n    server {\n        proxy_ssl_ser\n    }\n}\n";
        open(typed);
        var editor = window.editor();
        robot.interact(() -> editor.moveCaret(typed.indexOf("proxy_ssl_ser") + "proxy_ssl_ser".length()));
        robot.interact(editor::requestFocus);
        shortcut(robot, KeyCode.CONTROL, KeyCode.SPACE);
        until("completion menu", () -> robot.lookup(".completion-item").tryQuery().isPresent());
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        until("completed", () -> editor.text().equals(typed.replace("proxy_ssl_ser\n", "proxy_ssl_server_name\n")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        until("one undo step", () -> editor.text().equals(typed));
    }

    @Test
    void storedSettingsShapeTheLinterReviewAndTheme() throws Exception {
        var store = new dev.handshake.ui.settings.SettingsStore(dir.resolve("settings-" + System.nanoTime()));
        store.save(new dev.handshake.ui.settings.Settings(java.util.Set.of("upstream-sni-off"), java.util.Map.of(),
                null, false, dev.handshake.ui.theme.Theme.DARK, 16, false, java.util.Set.of()));
        WaitForAsyncUtils.asyncFx(() -> window.useSettings(store)).get(10, TimeUnit.SECONDS);
        open(IP_TARGET);
        var editor = window.editor();
        until("analysed", () -> editor.analysisProperty().get() != null
                && editor.analysisProperty().get().text().equals(IP_TARGET));
        assertTrue(fx(() -> findings().stream().noneMatch(d -> d.rule().equals("upstream-sni-off"))));
        assertTrue(fx(() -> window.stage().getScene().getRoot().getStyleClass().contains("dark")));
        // Every dialog and card follows the window's theme the same way.
        FixInputDialog dialog = fx(() -> {
            Diagnostic finding = editor.analysisProperty().get().diagnostics().get(0);
            return new FixInputDialog(window.stage(), editor.text(), editor.pathProperty().get(), finding,
                    finding.fixes().get(0));
        });
        assertTrue(fx(() -> dialog.getDialogPane().getStyleClass().contains("dark")), "the fix dialog is dark");
        double problemBrightness = fx(() -> {
            dialog.getDialogPane().applyCss();
            javafx.scene.control.Label problem = (javafx.scene.control.Label) dialog.getDialogPane().lookup(".fix-dialog-problem");
            return ((javafx.scene.paint.Color) problem.getTextFill()).getBrightness();
        });
        assertTrue(problemBrightness > 0.5, "the finding above the fields is readable on the dark background: " + problemBrightness);
        assertEquals(fx(() -> window.stage().getScene().getStylesheets()), fx(() -> dialog.getDialogPane().getStylesheets()));
        javafx.scene.layout.VBox card = fx(() -> {
            javafx.scene.layout.VBox c = new javafx.scene.layout.VBox();
            dev.handshake.ui.theme.Themes.apply(c, window.stage());
            return c;
        });
        assertTrue(card.getStyleClass().contains("dark"));
    }

    @Test
    void includeTreeShowsExpandedGlobsAndOpensAFile(FxRobot robot) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project-" + System.nanoTime()));
        Files.createDirectories(project.resolve("conf.d"));
        Files.writeString(project.resolve("conf.d/a.conf"), "server { listen 81; }\n");
        Files.writeString(project.resolve("conf.d/b.conf"), "server { listen 82; }\n");
        Path main = project.resolve("nginx.conf");
        Files.writeString(main, "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
        assertTrue(fx(() -> window.open(main)));
        until("tree", () -> window.includes().shownPaths().size() == 3);
        assertEquals(java.util.List.of(main.toRealPath(), project.resolve("conf.d/a.conf").toRealPath(),
                project.resolve("conf.d/b.conf").toRealPath()),
                fx(() -> window.includes().shownPaths().stream().map(p -> {
                    try {
                        return p.toRealPath();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList()));
        robot.doubleClickOn("conf.d/b.conf");
        until("opened b.conf", () -> window.editor().text().equals("server { listen 82; }\n"));
    }

    @Test
    void curlCheckAndLogLineLocator(FxRobot robot) throws Exception {
        var editor = window.editor();
        robot.interact(() -> editor.setLinter(dev.handshake.lint.Linter.standard()));
        open(IP_TARGET);
        robot.interact(() -> editor.moveCaret(IP_TARGET.indexOf("proxy_pass")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        until("curl on the clipboard", () -> ("# proxy_pass https://10.0.4.22:443 in location /\n"
                + "# nginx sends no SNI here (proxy_ssl_server_name off)\n"
                + "# nginx does not verify this certificate (proxy_ssl_verify off); these commands do\n"
                + "curl -sv https://10.0.4.22:443/\n")
                .equals(Clipboard.getSystemClipboard().getString()));
        robot.clickOn(robot.lookup("#curl-check-dialog .button").queryButton());
        robot.interact(() -> editor.moveCaret(0));
        robot.interact(() -> window.incidents().locate("[error] SSL_do_handshake() failed while SSL handshaking to upstream,"
                + " upstream: \"https://10.0.4.22:443/v2/ingest\""));
        until("jumped to the proxy_pass", () -> editor.caretProperty().get()
                == IP_TARGET.indexOf("proxy_pass https://10.0.4.22:443;") + "proxy_pass https://10.0.4.22:443;".length());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Without host services (no browser), a directive card's nginx.org link lands on the clipboard, with a message. */
    @Test
    void nginxOrgLinkIsCopiedWithoutABrowser(FxRobot robot) throws Exception {
        open(IP_TARGET);
        until("analysed", () -> fx(() -> window.editor().analysisProperty().get() != null));
        CodeArea area = robot.lookup(".config-editor").queryAs(CodeArea.class);
        int at = IP_TARGET.indexOf("listen") + 2;
        Bounds bounds = fx(() -> area.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());
        robot.moveTo(new Point2D(bounds.getCenterX(), bounds.getCenterY()));
        until("card", () -> robot.lookup(".card-link").tryQuery().isPresent());
        Hyperlink link = robot.lookup(".card-link").queryAs(Hyperlink.class);
        String url = link.getText();
        assertTrue(url.contains("nginx.org/"), url);
        robot.clickOn(link);
        until("copied", () -> fx(() -> url.equals(Clipboard.getSystemClipboard().getString())));
        until("told", () -> robot.lookup("#status-message").queryLabeled().getText().contains("copied " + url));
    }

    private java.util.List<dev.handshake.lint.Diagnostic> findings() {
        var analysis = window.editor().analysisProperty().get();
        return analysis == null ? java.util.List.of() : analysis.diagnostics();
    }
}
