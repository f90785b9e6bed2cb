package dev.handshake.lint;

import java.util.List;

/**
 * A value a {@link Applicability#NEEDS_INPUT} fix asks for, with ranked suggestions (best first).
 *
 * @param key        stable id: {@link #SNI_NAME}, {@link #TRUSTED_CA}
 * @param label      what to ask the user
 * @param candidates suggestions, best first; may be empty
 */
public record FixInput(String key, String label, List<String> candidates) {

    public static final String SNI_NAME = "sni-name";
    public static final String TRUSTED_CA = "trusted-ca";

    public FixInput {
        candidates = List.copyOf(candidates);
    }

    /** The best suggestion, or {@code null}. */
    public String suggestion() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
