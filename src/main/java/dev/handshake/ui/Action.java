package dev.handshake.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * A user command defined once: its label, its shortcut (shown in the menu) and any other keys that run
 * it, what it does, and when it cannot run. Menus, context menus and shortcuts all run it through
 * {@link #run()}, which does nothing while it is disabled.
 *
 * @param accelerator the shortcut the menu item shows and binds, or {@code null}
 * @param alternates  further keys for the same command (bound once, on the scene, by {@link ActionTable})
 * @param disabled    true while the command cannot run (e.g. no document)
 */
record Action(String text, KeyCombination accelerator, List<KeyCombination> alternates, Runnable handler,
              ObservableBooleanValue disabled) {

    /** The menu item property holding an item's {@link #alternates()}, read by the shortcut list. */
    static final String ALTERNATES = "handshake.alternates";

    Action {
        alternates = List.copyOf(alternates);
    }

    /** A command that can always run; {@code shortcut} as {@link KeyCombination#keyCombination}, or null. */
    static Action of(String text, String shortcut, Runnable handler) {
        return new Action(text, shortcut == null ? null : KeyCombination.keyCombination(shortcut), List.of(), handler,
                Bindings.createBooleanBinding(() -> false));
    }

    /** This command, also run by {@code shortcut}. */
    Action alsoOn(String shortcut) {
        List<KeyCombination> more = new ArrayList<>(alternates);
        more.add(KeyCombination.keyCombination(shortcut));
        return new Action(text, accelerator, more, handler, disabled);
    }

    /** This command, disabled while {@code condition} holds. */
    Action disabledWhen(ObservableBooleanValue condition) {
        return new Action(text, accelerator, alternates, handler, condition);
    }

    /** Runs the command unless it is disabled. */
    void run() {
        if (!disabled.get()) {
            handler.run();
        }
    }

    /** Every key that runs the command: the accelerator first, then the alternates. */
    List<KeyCombination> keys() {
        List<KeyCombination> keys = new ArrayList<>();
        if (accelerator != null) {
            keys.add(accelerator);
        }
        keys.addAll(alternates);
        return keys;
    }

    /** A menu item for the command: its accelerator bound, enabled only while the command may run. */
    MenuItem menuItem() {
        MenuItem item = new MenuItem(text);
        item.setId(id());
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.getProperties().put(ALTERNATES, alternates);
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> run());
        return item;
    }

    /** A stable node id for tests and styling: {@code action-save-as}. */
    String id() {
        return "action-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
