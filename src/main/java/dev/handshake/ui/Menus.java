package dev.handshake.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menu bar: the window's {@link ActionTable} laid out as menus, with File > Open Recent. */
final class Menus {

    /** Where a separator goes in a menu's list of action ids. */
    private static final String SEPARATOR = "-";

    private final ActionTable actions;
    private final RecentFiles recent;
    private final Consumer<Path> openRecent;
    private final Menu recentMenu = new Menu("Open Recent");

    Menus(ActionTable actions, RecentFiles recent, Consumer<Path> openRecent) {
        this.actions = actions;
        this.recent = recent;
        this.openRecent = openRecent;
    }

    MenuBar menuBar() {
        Menu file = menu("File", "action-new", "action-open", "recent", SEPARATOR, "action-save", "action-save-as", "action-save-all",
                "action-close", "action-export-patch", "action-export-patched-file", "action-copy-redacted", SEPARATOR,
                "action-open-example", "action-exit");
        recentMenu.setId("menu-open-recent");
        file.setOnShowing(e -> fillRecent());
        fillRecent();
        Menu edit = menu("Edit", "action-undo", "action-redo", SEPARATOR, "action-find", "action-replace",
                "action-go-to-line", "action-toggle-comment", "action-format-document", "action-format-selection", "action-complete", SEPARATOR,
                "action-settings");
        Menu code = menu("Code", "action-show-quick-fixes", "action-fix-all-safe-problems-in-file", SEPARATOR,
                "action-next-problem", "action-previous-problem", SEPARATOR, "action-test-with-nginx",
                "action-copy-curl-check", "action-locate-error-log-line", "action-next-located-block");
        Menu help = menu("Help", "action-keyboard-shortcuts", "action-rule-index", "action-about-handshake");
        MenuBar bar = new MenuBar(file, edit, code, help);
        bar.setId("menu-bar");
        return bar;
    }

    private Menu menu(String name, String... ids) {
        Menu menu = new Menu(name);
        menu.setId("menu-" + name.toLowerCase(Locale.ROOT));
        for (String id : ids) {
            MenuItem item = switch (id) {
                case SEPARATOR -> new SeparatorMenuItem();
                case "recent" -> recentMenu;
                default -> actions.get(id).menuItem();
            };
            menu.getItems().add(item);
        }
        return menu;
    }

    private void fillRecent() {
        List<Path> files = recent.list();
        recentMenu.getItems().clear();
        for (Path file : files) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openRecent.accept(file));
            recentMenu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }
}
