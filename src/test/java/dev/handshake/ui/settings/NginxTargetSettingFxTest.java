package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings > "Configs are for": the nginx edition and version the editor lints against (the command
 * line's --nginx and --nginx-version), checked as typed, stored like the other settings, and turned
 * into the lint options every open document follows.
 */
@ExtendWith(ApplicationExtension.class)
class NginxTargetSettingFxTest {

    @TempDir
    static Path dir;

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

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEditionAndATypedVersionAreCheckedAndChosen(FxRobot robot) throws Exception {
        Settings[] result = new Settings[1];
        SettingsDialog[] dialog = new SettingsDialog[1];
        Platform.runLater(() -> {
            dialog[0] = new SettingsDialog(owner, Settings.defaults(), dev.handshake.lint.rules.Rules.all());
            result[0] = dialog[0].showAndWait().orElse(null);
        });
        until("dialog", () -> robot.lookup("#settings-nginx-version").tryQuery().isPresent());
        ChoiceBox<NginxEdition> edition = robot.lookup("#settings-nginx-edition").queryAs(ChoiceBox.class);
        assertEquals(NginxEdition.OSS, fx(edition::getValue));
        assertEquals("Judged against the current release: no directive is too new",
                robot.lookup("#settings-nginx-version-status").queryLabeled().getText());
        Node ok = fx(() -> dialog[0].getDialogPane().lookupButton(ButtonType.OK));
        robot.interact(() -> robot.lookup("#settings-nginx-version").queryTextInputControl().setText("1.x"));
        assertEquals("\"1.x\" is no nginx version: write three numbers, such as 1.22.1, or leave it empty",
                robot.lookup("#settings-nginx-version-status").queryLabeled().getText());
        assertTrue(ok.isDisabled(), "OK waits for a version nginx could have");
        robot.interact(() -> robot.lookup("#settings-nginx-version").queryTextInputControl().setText(" 1.22.1 "));
        assertEquals("Directives newer than nginx 1.22.1 are reported",
                robot.lookup("#settings-nginx-version-status").queryLabeled().getText());
        assertFalse(ok.isDisabled());
        robot.interact(() -> edition.setValue(NginxEdition.PLUS));
        robot.clickOn("OK");
        until("closed with a result", () -> result[0] != null);
        assertEquals(NginxEdition.PLUS, result[0].nginxEdition());
        assertEquals("1.22.1", result[0].nginxVersion());
        assertEquals(new NginxTarget(NginxEdition.PLUS, NginxVersion.parse("1.22.1").orElseThrow()),
                result[0].lintOptions().target());
    }

    @Test
    void theChoiceSurvivesTheSettingsFileAndOddValuesMeanTheDefault() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("store-" + System.nanoTime()));
        Settings chosen = Settings.defaults().withNginxTarget(NginxEdition.PLUS, "1.25.1");
        store.save(chosen);
        assertEquals(chosen, store.load());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"nginxEdition\" : \"plus\""), json);
        assertTrue(json.contains("\"nginxVersion\" : \"1.25.1\""), json);

        Files.writeString(store.file(), "{\"theme\": \"dark\"}");
        assertEquals(NginxTarget.defaults(), store.load().nginxTarget(), "a file from before the setting");
        Files.writeString(store.file(), "{\"nginxEdition\": \"enterprise\", \"nginxVersion\": \"1.x\"}");
        Settings odd = store.load();
        assertEquals(NginxEdition.OSS, odd.nginxEdition());
        assertNull(odd.nginxVersion());
        assertEquals(NginxTarget.defaults(), Settings.defaults().lintOptions().target());
    }
}
