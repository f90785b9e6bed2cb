package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings > nginx executable: checked as it is typed (exists, is a file, can run); OK only for a runnable one. */
@ExtendWith(ApplicationExtension.class)
class NginxSettingFxTest {

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
    void typedPathsAreCheckedAndARunnableOneIsStored(FxRobot robot) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain-nginx"), "");
        Path runnable = Files.writeString(dir.resolve("nginx"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(runnable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Settings[] result = new Settings[1];
        SettingsDialog[] dialog = new SettingsDialog[1];
        Platform.runLater(() -> {
            dialog[0] = new SettingsDialog(owner, Settings.defaults(), dev.handshake.lint.rules.Rules.all());
            result[0] = dialog[0].showAndWait().orElse(null);
        });
        until("dialog", () -> robot.lookup("#settings-nginx").tryQuery().isPresent());
        assertTrue(robot.lookup("#settings-nginx-browse").tryQuery().isPresent(), "a Browse button");
        assertEquals("Test with nginx uses the nginx on the PATH or in /usr/sbin",
                robot.lookup("#settings-nginx-status").queryLabeled().getText());
        Node ok = fx(() -> dialog[0].getDialogPane().lookupButton(ButtonType.OK));
        robot.interact(() -> robot.lookup("#settings-nginx").queryTextInputControl().setText(dir.resolve("none").toString()));
        assertEquals(dir.resolve("none") + " does not exist: choose the nginx binary, or leave the field empty",
                robot.lookup("#settings-nginx-status").queryLabeled().getText());
        assertTrue(ok.isDisabled(), "OK waits for a runnable nginx");
        robot.interact(() -> robot.lookup("#settings-nginx").queryTextInputControl().setText(plain.toString()));
        assertTrue(robot.lookup("#settings-nginx-status").queryLabeled().getText().startsWith(plain + " is not executable"));
        robot.interact(() -> robot.lookup("#settings-nginx").queryTextInputControl().setText(dir.toString()));
        assertTrue(robot.lookup("#settings-nginx-status").queryLabeled().getText().startsWith(dir + " is a folder"));
        robot.interact(() -> robot.lookup("#settings-nginx").queryTextInputControl().setText(runnable.toString()));
        assertEquals("Test with nginx runs " + runnable, robot.lookup("#settings-nginx-status").queryLabeled().getText());
        assertTrue(!ok.isDisabled());
        robot.clickOn("OK");
        until("closed with a result", () -> result[0] != null);
        assertEquals(runnable.toString(), result[0].nginxPath());
    }

    @Test
    void theChoiceSurvivesTheSettingsFileAndOlderFilesHaveNone() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("store-" + System.nanoTime()));
        Settings chosen = new Settings(java.util.Set.of(), java.util.Map.of(), null, true, dev.handshake.ui.theme.Theme.LIGHT, 14, false,
                java.util.Set.of(), "/usr/sbin/nginx");
        store.save(chosen);
        assertEquals(chosen, store.load());
        Files.writeString(store.file(), "{\"theme\": \"dark\"}");
        assertEquals(null, store.load().nginxPath());
        assertEquals(Optional.empty(), NginxExecutable.problem("  "));
    }
}
