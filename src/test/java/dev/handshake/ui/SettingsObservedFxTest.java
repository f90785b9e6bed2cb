package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.theme.Theme;
import dev.handshake.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Open documents follow the one settings value: a change reaches every tab, nothing keeps an old copy. */
@ExtendWith(ApplicationExtension.class)
class SettingsObservedFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;

    private MainWindow window;
    private Path second;

    @Start
    void start(Stage stage) throws Exception {
        Path first = Files.writeString(dir.resolve("a-" + System.nanoTime() + ".conf"), "events {}\n");
        second = Files.writeString(dir.resolve("b-" + System.nanoTime() + ".conf"), "events {}\n");
        window = TestWindows.open(stage, TestRules.linter(), first);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private static String style(Document document) {
        return ((CodeArea) document.editor().node().lookup(".config-editor")).getStyle();
    }

    private void apply(Settings settings) throws Exception {
        fx(() -> {
            window.settings().apply(settings);
            return null;
        });
    }

    @Test
    void fontSizeAndThemeReachOpenTabsAndNewOnes() throws Exception {
        assertTrue(fx(() -> window.openInTab(second)));
        List<Document> open = fx(() -> window.tabs().all());
        assertEquals(2, open.size());
        Linter before = fx(() -> window.editor().linter());

        apply(fx(() -> window.settings().current().withFontSize(21)));
        for (Document document : open) {
            assertTrue(fx(() -> style(document)).contains("-fx-font-size: 21px"), fx(() -> style(document)));
        }
        assertSame(before, fx(() -> window.editor().linter()), "a font size is no reason to lint again");
        Document added = fx(() -> {
            window.actionTable().get("action-new").run();
            return window.tabs().current();
        });
        assertTrue(fx(() -> style(added)).contains("-fx-font-size: 21px"), "a new tab starts with the setting");

        apply(fx(() -> window.settings().current().withTheme(Theme.DARK)));
        assertTrue(fx(() -> window.stage().getScene().getRoot().getStyleClass().contains(Themes.DARK)));
        Alert asked = fx(() -> Themes.apply(new Alert(Alert.AlertType.CONFIRMATION, "?", ButtonType.OK), window.stage()));
        assertTrue(fx(() -> asked.getDialogPane().getStyleClass().contains(Themes.DARK)), "a dialog opened now is dark");
        assertSame(window.stage(), fx(asked::getOwner));
        apply(fx(() -> window.settings().current().withTheme(Theme.LIGHT)));
        assertFalse(fx(() -> window.stage().getScene().getRoot().getStyleClass().contains(Themes.DARK)));

        // A closed tab stops following.
        Document closed = open.get(1);
        assertTrue(fx(() -> window.tabs().close(closed)));
        apply(fx(() -> window.settings().current().withFontSize(12)));
        assertTrue(fx(() -> style(open.get(0))).contains("-fx-font-size: 12px"));
        assertTrue(fx(() -> style(closed)).contains("-fx-font-size: 21px"), "the closed tab's editor is left alone");
    }

    @Test
    void disabledRulesReachEveryTabsLinterAndSavingReadsTheCurrentChoice() throws Exception {
        assertTrue(fx(() -> window.openInTab(second)));
        apply(fx(() -> new Settings(Set.of(TestRules.VERIFY_OFF), null, null, false, Theme.LIGHT, 0, true, null)));
        for (Document document : fx(() -> window.tabs().all())) {
            assertFalse(fx(() -> document.editor().linter().options().enabled(TestRules.VERIFY_OFF)));
            assertEquals(TestRules.linter().rules().size(), fx(() -> document.editor().linter().rules().size()),
                    "the window's rules stay; only their options follow the settings");
        }
        Path file = fx(() -> window.tabs().current().savedPath());
        fx(() -> {
            window.editor().replaceAll("events { }\n");
            return window.tabs().current().save();
        });
        assertEquals("events { }\n", Files.readString(file), "no review: saved straight away");
        assertEquals("events {}\n", Files.readString(file.resolveSibling(file.getFileName() + ".bak")), "backup kept");
    }

    @Test
    void theNginxTargetReachesEveryTabsLinter() throws Exception {
        assertTrue(fx(() -> window.openInTab(second)));
        Linter before = fx(() -> window.editor().linter());
        apply(fx(() -> window.settings().current().withNginxTarget(dev.handshake.nginx.NginxEdition.PLUS, "1.22.1")));
        dev.handshake.nginx.NginxTarget wanted = new dev.handshake.nginx.NginxTarget(dev.handshake.nginx.NginxEdition.PLUS,
                dev.handshake.nginx.NginxVersion.parse("1.22.1").orElseThrow());
        for (Document document : fx(() -> window.tabs().all())) {
            assertEquals(wanted, fx(() -> document.editor().linter().options().target()));
        }
        assertFalse(before == fx(() -> window.editor().linter()), "another target is a reason to lint again");
    }
}
