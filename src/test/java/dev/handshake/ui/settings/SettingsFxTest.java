package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.theme.Theme;
import dev.handshake.lint.Severity;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog: what it shows comes from the settings, what it returns from the controls. */
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void dialogShowsAndReturnsTheChoices(FxRobot robot) throws Exception {
        Settings start = new Settings(java.util.Set.of("upstream-verify-off"), java.util.Map.of("upstream-sni-off", Severity.WARNING),
                null, true, Theme.LIGHT, 14, false, java.util.Set.of());
        Settings[] result = new Settings[1];
        Platform.runLater(() -> result[0] = new SettingsDialog(owner, start, dev.handshake.lint.rules.Rules.all())
                .showAndWait().orElse(null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (robot.lookup("#settings-rules").tryQuery().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        @SuppressWarnings("unchecked")
        TableView<SettingsDialog.RuleRow> table = robot.lookup("#settings-rules").queryAs(TableView.class);
        assertTrue(fx(() -> table.getItems().stream().anyMatch(r -> r.id.equals("upstream-verify-off") && !r.enabled.get())));
        assertTrue(fx(() -> table.getItems().stream().anyMatch(r -> r.id.equals("upstream-sni-off")
                && r.severity.get().equals("warning"))));
        robot.interact(() -> {
            table.getItems().forEach(r -> r.enabled.set(!r.id.equals("upstream-sni-off")));
            table.getItems().forEach(r -> r.severity.set("default"));
            robot.lookup("#settings-trusted-ca").queryTextInputControl().setText("/etc/ssl/internal.pem");
        });
        robot.clickOn("#settings-review");
        robot.clickOn("OK");
        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (result[0] == null && System.nanoTime() < wait) {
            Thread.sleep(50);
        }
        assertEquals(new Settings(java.util.Set.of("upstream-sni-off"), java.util.Map.of(), "/etc/ssl/internal.pem",
                false, Theme.LIGHT, 14, false, java.util.Set.of()), result[0]);
    }
}
