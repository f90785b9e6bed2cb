package dev.handshake.ui;

import java.util.Locale;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * A user command defined once, reused by the menu bar, shortcuts and context menus.
 *
 * @param accelerator the shortcut, or {@code null}
 */
record Action(String text, KeyCombination accelerator, Runnable run) {

    static Action of(String text, String shortcut, Runnable run) {
        return new Action(text, shortcut == null ? null : KeyCombination.keyCombination(shortcut), run);
    }

    MenuItem menuItem() {
        MenuItem item = new MenuItem(text);
        item.setId(id());
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> run.run());
        return item;
    }

    /** A stable node id for tests and styling: {@code action-save-as}. */
    String id() {
        return "action-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
