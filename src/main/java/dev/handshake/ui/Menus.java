package dev.handshake.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The window's actions, each defined once, laid out as the menu bar and extra shortcuts. */
final class Menus {

    private final MainWindow window;
    private final Menu recentMenu = new Menu("Open Recent");

    Menus(MainWindow window) {
        this.window = window;
    }

    MenuBar menuBar() {
        Menu file = menu("File",
                Action.of("New", "Shortcut+N", window::newFile).menuItem(),
                Action.of("Open…", "Shortcut+O", window::openWithChooser).menuItem(),
                recentMenu,
                new SeparatorMenuItem(),
                Action.of("Save", "Shortcut+S", window::save).menuItem(),
                Action.of("Save As…", "Shortcut+Shift+S", window::saveAs).menuItem(),
                Action.of("Close", "Shortcut+W", window::closeFile).menuItem(),
                Action.of("Export Patch…", "Shortcut+E", window.exports()::exportPatch).menuItem(),
                Action.of("Export Patched File…", null, window.exports()::exportCopy).menuItem(),
                Action.of("Copy Redacted", "Shortcut+Shift+R", window.exports()::copyRedacted).menuItem(),
                new SeparatorMenuItem(),
                Action.of("Open Example", null, () -> {
                    if (window.confirmDiscard()) {
                        window.openExample();
                    }
                }).menuItem(),
                Action.of("Exit", "Shortcut+Q", window::exit).menuItem());
        recentMenu.setId("menu-open-recent");
        file.setOnShowing(e -> fillRecent());
        fillRecent();
        Menu edit = menu("Edit",
                Action.of("Undo", "Shortcut+Z", () -> window.editor().undo()).menuItem(),
                Action.of("Redo", "Shortcut+Shift+Z", () -> window.editor().redo()).menuItem(),
                new SeparatorMenuItem(),
                Action.of("Find…", "Shortcut+F", () -> window.editor().showFind(false)).menuItem(),
                Action.of("Replace…", "Shortcut+H", () -> window.editor().showFind(true)).menuItem(),
                Action.of("Go to Line…", "Shortcut+G", () -> window.navigator().goToLine()).menuItem(),
                Action.of("Toggle Comment", "Shortcut+Slash", () -> window.editor().toggleComment()).menuItem(),
                Action.of("Format Document", "Shortcut+Alt+L", () -> window.showStatus(
                        window.editor().formatDocument().orElse("Formatted"))).menuItem(),
                Action.of("Format Selection", "Shortcut+Alt+Shift+L", () -> window.showStatus(
                        window.editor().formatSelection().orElse("Formatted the selected lines"))).menuItem(),
                Action.of("Complete", "Shortcut+Space", () -> window.editor().showCompletion()).menuItem(),
                new SeparatorMenuItem(),
                Action.of("Settings…", "Shortcut+Comma", () -> window.settings().edit()).menuItem());
        Menu code = menu("Code",
                Action.of("Show Quick Fixes", "Alt+Enter", () -> window.quickFixes().showAtCaret()).menuItem(),
                Action.of("Fix All Safe Problems in File", "Shortcut+Alt+F", () -> window.quickFixes().fixAllSafe()).menuItem(),
                new SeparatorMenuItem(),
                Action.of("Next Problem", "F8", () -> window.navigator().nextProblem(true)).menuItem(),
                Action.of("Previous Problem", "Shift+F8", () -> window.navigator().nextProblem(false)).menuItem(),
                new SeparatorMenuItem(),
                Action.of("Test with nginx", "Shortcut+T", window.nginxTests()::run).menuItem(),
                Action.of("Copy curl Check", "Shortcut+Shift+C", window.incidents()::copyCurlCheck).menuItem(),
                Action.of("Locate Error Log Line…", "Shortcut+Shift+L", window.incidents()::locateLogLine).menuItem(),
                Action.of("Next Located Block", "Shortcut+Shift+N", window.incidents()::showNext).menuItem());
        MenuBar bar = new MenuBar(file, edit, code);
        Menu help = menu("Help",
                Action.of("Keyboard Shortcuts", "F1", () -> HelpWindows.showShortcuts(window.stage(), bar)).menuItem(),
                Action.of("Rule Index", null, () -> HelpWindows.showRuleIndex(window.stage())).menuItem(),
                Action.of("About Handshake", null, () -> HelpWindows.showAbout(window.stage())).menuItem());
        bar.getMenus().add(help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Shortcuts with no menu item of their own: Ctrl+. for quick fixes, Ctrl+Y for redo. */
    void installExtraShortcuts(Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Period"), () -> window.quickFixes().showAtCaret());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), () -> window.editor().redo());
    }

    private void fillRecent() {
        List<Path> files = window.recent().list();
        recentMenu.getItems().clear();
        for (Path file : files) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> window.openRecent(file));
            recentMenu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private static Menu menu(String name, MenuItem... items) {
        Menu menu = new Menu(name);
        menu.setId("menu-" + name.toLowerCase(Locale.ROOT));
        menu.getItems().addAll(items);
        return menu;
    }
}
