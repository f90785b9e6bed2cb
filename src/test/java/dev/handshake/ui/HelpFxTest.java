package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help: the shortcut list comes from the menus, and the README's key table names every one of them. */
@ExtendWith(ApplicationExtension.class)
class HelpFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    Path dir;

    private MainWindow window;
    private final List<Stage> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("nginx.conf"), "events {}\n");
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        FxWait.fx(() -> {
            opened.forEach(Stage::close);
            return null;
        });
        TestWindows.close(window);
    }

    @Test
    void everyShortcutIsListedAndInTheReadme(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<String> rows = FxWait.fx(() -> HelpWindows.shortcuts(bar));
        assertTrue(rows.contains("Ctrl+T\tTest with nginx"), rows.toString());
        assertTrue(rows.contains("Ctrl+Alt+L\tFormat Document"), rows.toString());
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            String keys = row.substring(0, row.indexOf('\t'));
            for (String key : keys.split(", ")) {
                // The key as a whole: "Ctrl+Alt+S" is not found inside "Ctrl+Alt+Shift+L".
                if (!java.util.regex.Pattern.compile("(?<![A-Za-z0-9+])" + java.util.regex.Pattern.quote(key)
                        + "(?![A-Za-z0-9+])").matcher(readme).find()) {
                    missing.add(key + " (" + row.substring(row.indexOf('\t') + 1) + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "the README's key table lacks these");

        Stage shortcuts = FxWait.fx(() -> HelpWindows.showShortcuts(window.stage(), bar));
        opened.add(shortcuts);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<List<String>> table = robot.lookup("#help-shortcuts").queryAs(javafx.scene.control.TableView.class);
        List<String> shown = FxWait.fx(() -> table.getItems().stream().map(r -> String.join("\t", r)).toList());
        assertEquals(rows, shown, "one row per command, keys and command in columns of their own");
        assertEquals(List.of("Keys", "Command"), FxWait.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()));
        assertTrue(shown.contains("F7 / Shift+F7, Alt+Down / Alt+Up\tNext / Previous Change (in the save review)"),
                "the README's save-review keys, which have no menu item, are listed too: " + shown);
    }

    @Test
    void ruleIndexListsEveryRuleAndAboutNamesTheLicences(FxRobot robot) throws Exception {
        opened.add(FxWait.fx(() -> HelpWindows.showRuleIndex(window.stage())));
        @SuppressWarnings("unchecked")
        ListView<String> rules = robot.lookup("#help-rules").queryAs(ListView.class);
        assertEquals(Rules.all().size(), FxWait.fx(() -> rules.getItems().size()));
        opened.add(FxWait.fx(() -> HelpWindows.showAbout(window.stage())));
        String about = FxWait.fx(() -> robot.lookup("#help-about").queryAs(TextArea.class).getText());
        assertTrue(about.startsWith("Handshake ") && about.contains("GPL 2.0 with the Classpath Exception")
                && about.contains("@nginx/reference-lib"), about);
    }

    @Test
    void escapeClosesTheHelpWindowsAndARulesDocumentation(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<Stage> windows = new ArrayList<>();
        windows.add(FxWait.fx(() -> HelpWindows.showShortcuts(window.stage(), bar)));
        windows.add(FxWait.fx(() -> HelpWindows.showRuleIndex(window.stage())));
        windows.add(FxWait.fx(() -> HelpWindows.showAbout(window.stage())));
        windows.add(FxWait.fx(() -> dev.handshake.ui.editor.RuleDocWindow.show(window.stage(), "upstream-sni-off")));
        opened.addAll(windows);
        for (Stage shown : windows) {
            robot.interact(() -> {
                shown.toFront();
                shown.requestFocus();
            });
            FxWait.until(shown.getTitle() + " has the focus", shown::isFocused);
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            FxWait.until(shown.getTitle() + " closed by Escape", () -> !shown.isShowing());
        }
    }
}
