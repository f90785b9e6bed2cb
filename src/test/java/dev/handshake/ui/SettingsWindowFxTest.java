package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Severity;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.theme.Theme;
import dev.handshake.ui.theme.Themes;
import dev.handshake.ui.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings through the window: a corrupt file at start-up costs a status-bar warning and nothing else;
 * Edit > Settings driven with mouse and keyboard applies live and is saved as JSON.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String SNI_OFF = "upstream-sni-off";
    private static final String CONFIG = "server {\n    location / {\n        proxy_pass https://10.0.4.22;\n"
            + "        acme_vendor_check on;\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;
    private SettingsStore store;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("site-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        store = new SettingsStore(dir.resolve("config-" + System.nanoTime()));
        Files.createDirectories(store.file().getParent());
        // Every test starts from a half-written file: the window must come up with the defaults.
        Files.writeString(store.file(), "{\"fontSize\": 16, \"theme\": ", StandardCharsets.UTF_8);
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        window = new MainWindow(stage, TestRules.linter(), new RecentFiles(prefs));
        window.useSettings(store);
        stage.show();
        assertTrue(window.open(file));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            window.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    private boolean reportsSniOff() {
        return window.editor().currentAnalysis().diagnostics().stream().anyMatch(d -> d.rule().equals(SNI_OFF));
    }

    @Test
    void corruptFileMeansDefaultsAndAWarning(FxRobot robot) throws Exception {
        assertEquals(Settings.defaults(), window.settings().current());
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        FxWait.until("warning in the status bar", () -> message.getText().contains("not valid settings JSON"));
        FxWait.until("the rules run with the defaults", this::reportsSniOff);
    }

    private boolean reportsUnknownDirective() {
        return window.editor().currentAnalysis().diagnostics().stream().anyMatch(d -> d.rule().equals("unknown-directive"));
    }

    @Test
    void dialogChangesApplyLiveAndAreSaved(FxRobot robot) throws Exception {
        FxWait.until("a third-party directive is unknown by default", this::reportsUnknownDirective);
        robot.press(KeyCode.CONTROL).press(KeyCode.COMMA).release(KeyCode.COMMA).release(KeyCode.CONTROL);
        FxWait.until("settings dialog", () -> robot.lookup("#settings-rules").tryQuery().isPresent());

        robot.clickOn(robot.from(row(robot, SNI_OFF)).lookup(".check-box").queryAs(CheckBox.class));
        Node severity = robot.from(row(robot, "syntax-error")).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && "default".equals(c.getItem())).query();
        robot.doubleClickOn(severity);
        FxWait.until("severity choice", () -> robot.lookup(".combo-box-base")
                .match(n -> n.getParent() instanceof TableCell<?, ?>).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-base").match(n -> n.getParent() instanceof TableCell<?, ?>).queryAs(Node.class));
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> c && "warning".equals(c.getItem()))
                .queryAs(Node.class));

        robot.clickOn("#settings-trusted-ca").write("/etc/nginx/upstream-ca.pem");
        robot.clickOn("#settings-review");
        robot.clickOn("#settings-theme");
        robot.clickOn(Theme.DARK.label());
        robot.clickOn("#settings-directives").write("acme_vendor_check");
        robot.doubleClickOn("#settings-font-size .text-field").press(KeyCode.CONTROL).type(KeyCode.A)
                .release(KeyCode.CONTROL).write("18");
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && b.getText().equals("OK"))
                .queryAs(Button.class));

        Settings expected = new Settings(Set.of(SNI_OFF), Map.of("syntax-error", Severity.WARNING),
                "/etc/nginx/upstream-ca.pem", false, Theme.DARK, 18, false, Set.of("acme_vendor_check"));
        FxWait.until("settings applied", () -> window.settings().current().equals(expected));
        assertEquals(expected, store.load(), "saved");
        assertTrue(FxWait.fx(() -> window.stage().getScene().getRoot().getStyleClass().contains(Themes.DARK)));
        assertTrue(FxWait.fx(() -> robot.lookup(".config-editor").query().getStyle()).contains("-fx-font-size: 18"));
        assertEquals("/etc/nginx/upstream-ca.pem", window.editor().linter().options().defaultTrustedCa());
        FxWait.until("the disabled rule's finding is gone", () -> !reportsSniOff());
        FxWait.until("the extra directive is known", () -> !reportsUnknownDirective());
    }

    /** The table row of rule {@code id}, found by the text of its Rule column. */
    private static Node row(FxRobot robot, String id) {
        return robot.lookup("#settings-rules .table-row-cell").match(n -> n instanceof TableRow<?> r
                && !robot.from(r).lookup(".table-cell").match(c -> c instanceof TableCell<?, ?> cell
                        && id.equals(cell.getItem())).queryAll().isEmpty()).query();
    }
}
