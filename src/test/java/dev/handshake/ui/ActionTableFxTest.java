package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's commands are defined once: each key binds one command once, and document commands wait for a document. */
@ExtendWith(ApplicationExtension.class)
class ActionTableFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("nginx-" + System.nanoTime() + ".conf"), "events {}\n");
        window = TestWindows.open(stage, TestRules.linter(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private static List<MenuItem> items(MenuBar bar) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, into);
            } else {
                into.add(item);
            }
        }
    }

    @Test
    void everyMenuShortcutIsBoundOnceAndTheEditorLeavesItToTheWindow(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        ActionTable table = window.actionTable();
        List<KeyCombination> fromMenus = new ArrayList<>();
        Set<String> menuIds = new HashSet<>();
        for (MenuItem item : fx(() -> items(bar))) {
            if (item.getId() != null && item.getId().startsWith("action-")) {
                menuIds.add(item.getId());
                Action action = table.get(item.getId());
                assertEquals(action.accelerator(), item.getAccelerator(), item.getText());
                fromMenus.addAll(action.keys());
            }
        }
        assertEquals(table.all().stream().map(Action::id).collect(java.util.stream.Collectors.toSet()), menuIds,
                "every command has its menu item, and every menu item is a command");
        assertEquals(fromMenus.size(), new HashSet<>(fromMenus).size(), "no key in two menu items: " + fromMenus);
        assertEquals(Set.copyOf(table.keys()), Set.copyOf(fromMenus));
        assertTrue(fromMenus.contains(KeyCombination.keyCombination("Alt+Enter")));
        assertTrue(fromMenus.contains(KeyCombination.keyCombination("Shortcut+Period")));
        assertTrue(fx(() -> window.stage().getScene().getAccelerators().keySet().containsAll(fromMenus)),
                "every key is bound on the window");

        // The text area neither acts on nor consumes any of them: the window's binding is the only one.
        CodeArea area = robot.lookup(".config-editor").queryAs(CodeArea.class);
        Node editorNode = fx(() -> window.editor().node());
        List<KeyCombination> reached = fx(() -> {
            List<KeyCombination> seen = new ArrayList<>();
            KeyCombination[] sent = new KeyCombination[1];
            javafx.event.EventHandler<KeyEvent> stop = e -> {
                seen.add(sent[0]);
                e.consume(); // the window's command itself is not run here
            };
            editorNode.addEventHandler(KeyEvent.KEY_PRESSED, stop);
            String before = area.getText();
            for (KeyCombination key : table.keys()) {
                sent[0] = key;
                KeyEvent press = pressOf((KeyCodeCombination) key);
                assertTrue(key.match(press), key.getName());
                Event.fireEvent(area, press);
            }
            editorNode.removeEventHandler(KeyEvent.KEY_PRESSED, stop);
            assertEquals(before, area.getText(), "no key typed into the buffer");
            return seen;
        });
        assertEquals(table.keys(), reached);
    }

    private static KeyEvent pressOf(KeyCodeCombination key) {
        boolean shortcut = key.getShortcut() == KeyCombination.ModifierValue.DOWN;
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key.getCode(),
                key.getShift() == KeyCombination.ModifierValue.DOWN,
                key.getControl() == KeyCombination.ModifierValue.DOWN || shortcut,
                key.getAlt() == KeyCombination.ModifierValue.DOWN,
                key.getMeta() == KeyCombination.ModifierValue.DOWN);
    }

    @Test
    void documentCommandsAreDisabledWhileThereIsNoDocument(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        ActionTable table = window.actionTable();
        List<String> documentCommands = List.of("action-save", "action-save-as", "action-close", "action-export-patch",
                "action-copy-redacted", "action-undo", "action-find", "action-show-quick-fixes",
                "action-fix-all-safe-problems-in-file", "action-next-problem", "action-copy-curl-check",
                "action-locate-error-log-line");
        List<String> always = List.of("action-new", "action-open", "action-settings", "action-exit",
                "action-keyboard-shortcuts");
        assertTrue(fx(() -> items(bar).stream()
                .filter(i -> i.getId() != null && i.getId().startsWith("action-")).noneMatch(MenuItem::isDisable)),
                "every command enabled with a document");
        fx(() -> {
            ((TabPane) window.tabs().node()).getTabs().clear();
            return null;
        });
        assertEquals(null, fx(() -> window.tabs().current()));
        for (String id : documentCommands) {
            assertTrue(fx(() -> table.get(id).disabled().get()), id);
            assertTrue(fx(() -> items(bar).stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow().isDisable()), id);
        }
        for (String id : always) {
            assertFalse(fx(() -> table.get(id).disabled().get()), id);
        }
        // Running a disabled command (as its key would) does nothing, rather than failing on the missing document.
        fx(() -> {
            documentCommands.forEach(id -> table.get(id).run());
            return null;
        });
    }

    @Test
    void aKeyForTwoCommandsOrACommandTwiceIsRefused() {
        int[] runs = new int[1];
        SimpleBooleanProperty off = new SimpleBooleanProperty(true);
        Action counted = Action.of("Count", "Shortcut+K", () -> runs[0]++).disabledWhen(off);
        counted.run();
        assertEquals(0, runs[0], "disabled: not run");
        off.set(false);
        counted.run();
        assertEquals(1, runs[0]);
        assertThrows(IllegalArgumentException.class, () -> new ActionTable(List.of(counted,
                Action.of("Other", null, () -> { }).alsoOn("Shortcut+K"))));
        assertThrows(IllegalArgumentException.class, () -> new ActionTable(List.of(counted,
                Action.of("Count", null, () -> { }))));
    }
}
