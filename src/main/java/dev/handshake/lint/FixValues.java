package dev.handshake.lint;

import java.util.EnumMap;
import java.util.Map;

/**
 * The values given to a needs-input fix, by typed key: what a rule's fix reads. Built by {@link Fix}
 * from the values its caller names by id (a command line, a dialog, a fixture header), ids no
 * {@link FixInput.Key} has being ignored.
 */
public final class FixValues {

    private final Map<FixInput.Key, String> values;

    private FixValues(Map<FixInput.Key, String> values) {
        this.values = values;
    }

    /** The values of {@code byId} whose ids are keys. */
    static FixValues byId(Map<String, String> byId) {
        Map<FixInput.Key, String> typed = new EnumMap<>(FixInput.Key.class);
        byId.forEach((id, value) -> FixInput.Key.byId(id).ifPresent(k -> typed.put(k, value)));
        return new FixValues(typed);
    }

    /** The value of {@code key}, or {@code null} when none was given. */
    public String get(FixInput.Key key) {
        return values.get(key);
    }

    /** The value of {@code key}, or {@code fallback}. */
    public String getOrDefault(FixInput.Key key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
