package dev.handshake.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * The window's commands, each defined once (JabRef's StandardActions): the menu bar lays them out, the
 * editor's right-click and gutter lightbulb run them, and the keys that have no menu item of their own
 * are bound here, on the scene. No key runs two commands, and no command is bound twice.
 */
final class ActionTable {

    private final Map<String, Action> byId = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two commands share an id or a key (a programming error) */
    ActionTable(List<Action> actions) {
        Map<KeyCombination, String> keys = new LinkedHashMap<>();
        for (Action action : actions) {
            if (byId.putIfAbsent(action.id(), action) != null) {
                throw new IllegalArgumentException("two actions are called " + action.id());
            }
            for (KeyCombination key : action.keys()) {
                String other = keys.putIfAbsent(key, action.id());
                if (other != null) {
                    throw new IllegalArgumentException(key.getName() + " would run both " + other + " and " + action.id());
                }
            }
        }
    }

    List<Action> all() {
        return List.copyOf(byId.values());
    }

    /** The command with {@code id} ({@code action-save-as}); a missing one is a programming error. */
    Action get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no action " + id));
    }

    Optional<Action> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key that runs a command, each once. */
    List<KeyCombination> keys() {
        return byId.values().stream().flatMap(action -> action.keys().stream()).toList();
    }

    /** Binds every command's alternate keys on {@code scene}; accelerators are bound by their menu items. */
    void bindAlternates(Scene scene) {
        for (Action action : byId.values()) {
            for (KeyCombination key : action.alternates()) {
                scene.getAccelerators().put(key, action::run);
            }
        }
    }
}
