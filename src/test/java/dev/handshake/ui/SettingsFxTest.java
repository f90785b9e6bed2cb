package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Severity;
import dev.handshake.ui.settings.Appearance;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.settings.SettingsStore;
import dev.handshake.ui.settings.Theme;
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

/** The settings dialog driven with the mouse and keyboard, applied live to the window and saved as JSON. */
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = "server {\n    location / {\n        proxy_ssl_verify off;\n"
            + "        proxy_pass https://backend;\n    }\n}\n";

    @TempDir
    static Path dir;

    private MainWindow window;
    private Path settingsFile;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("site-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        settingsFile = dir.resolve("config-" + System.nanoTime()).resolve("handshake/settings.json");
        Files.createDirectories(settingsFile.getParent());
        // Every test starts from a half-written file: the window must come up with the defaults.
        Files.writeString(settingsFile, "{\"fontSize\": 16, \"theme\": ", StandardCharsets.UTF_8);
        Preferences prefs = Preferences.userRoot().node("dev/handshake/test-" + System.nanoTime());
        window = new MainWindow(stage, TestRules.linter(), new RecentFiles(prefs), new SettingsStore(settingsFile));
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

    @Test
    void corruptFileMeansDefaultsAndAWarning(FxRobot robot) throws Exception {
        assertEquals(Settings.defaults(), window.settings().current());
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        FxWait.until("warning in the status bar", () -> message.getText().contains("not valid JSON"));
        FxWait.until("the test rule still reports with the defaults", () -> window.editor().currentAnalysis()
                .diagnostics().stream().anyMatch(d -> d.rule().equals(TestRules.VERIFY_OFF)));
    }

    @Test
    void dialogChangesApplyLiveAndAreSaved(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.COMMA).release(KeyCode.COMMA).release(KeyCode.CONTROL);
        FxWait.until("settings dialog", () -> robot.lookup("#settings-dialog").tryQuery().isPresent());

        robot.clickOn(robot.from(row(robot, TestRules.VERIFY_OFF)).lookup(".check-box").queryAs(CheckBox.class));
        Node severity = robot.from(row(robot, "syntax-error")).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && "default".equals(c.getItem())).query();
        robot.doubleClickOn(severity);
        FxWait.until("severity choice", () -> robot.lookup(".combo-box-base").match(n ->
                n.getParent() instanceof TableCell<?, ?>).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-base").match(n -> n.getParent() instanceof TableCell<?, ?>).queryAs(Node.class));
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && "warning".equals(c.getItem())).queryAs(Node.class));

        robot.clickOn("#settings-ca-path").write("/etc/nginx/upstream-ca.pem");
        robot.clickOn("#settings-review");
        robot.clickOn("#settings-theme");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() == Theme.DARK).queryAs(Node.class));
        robot.doubleClickOn("#settings-font-size .text-field").press(KeyCode.CONTROL).type(KeyCode.A)
                .release(KeyCode.CONTROL).write("18");
        robot.clickOn(robot.lookup("#settings-dialog .button").match(n -> n instanceof Button b && b.getText().equals("OK"))
                .queryAs(Button.class));

        Settings expected = new Settings(Set.of(TestRules.VERIFY_OFF), Map.of("syntax-error", Severity.WARNING),
                "/etc/nginx/upstream-ca.pem", false, Theme.DARK, 18);
        FxWait.until("settings applied", () -> window.settings().current().equals(expected));
        assertEquals(expected, new SettingsStore(settingsFile).load().settings(), "saved");
        assertTrue(FxWait.fx(() -> Appearance.isDark(window.stage().getScene())), "dark stylesheet on");
        assertTrue(FxWait.fx(() -> robot.lookup(".config-editor").query().getStyle()).contains("-fx-font-size: 18px"));
        assertEquals(Set.of(TestRules.VERIFY_OFF), window.editor().linter().options().disabledRules());
        FxWait.until("the disabled rule's finding is gone", () -> window.editor().currentAnalysis()
                .diagnostics().stream().noneMatch(d -> d.rule().equals(TestRules.VERIFY_OFF)));
    }

    /** The table row of rule {@code id}. */
    private static Node row(FxRobot robot, String id) {
        return robot.lookup("#settings-rules .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof dev.handshake.ui.settings.SettingsDialog.RuleRow rr && rr.id().equals(id)).query();
    }
}
