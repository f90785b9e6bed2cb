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
    /** Values given per target ({@code sni-name:core}), by {@link FixInput#idFor}. */
    private final Map<String, String> perTarget;

    private FixValues(Map<FixInput.Key, String> values, Map<String, String> perTarget) {
        this.values = values;
        this.perTarget = perTarget;
    }

    /** The values of {@code byId} whose ids are keys, or a key and a target ({@code sni-name:core}). */
    static FixValues byId(Map<String, String> byId) {
        Map<FixInput.Key, String> typed = new EnumMap<>(FixInput.Key.class);
        Map<String, String> perTarget = new java.util.HashMap<>();
        byId.forEach((id, value) -> {
            int colon = id.indexOf(':');
            if (colon < 0) {
                FixInput.Key.byId(id).ifPresent(k -> typed.put(k, value));
            } else if (FixInput.Key.byId(id.substring(0, colon)).isPresent()) {
                perTarget.put(id, value);
            }
        });
        return new FixValues(typed, perTarget);
    }

    /** The value of {@code key} given for {@code target}, or {@code null}. */
    public String get(FixInput.Key key, String target) {
        return perTarget.get(FixInput.idFor(key, target));
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
