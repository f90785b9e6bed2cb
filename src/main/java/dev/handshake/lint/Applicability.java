package dev.handshake.lint;

import java.util.Locale;

/** How safely a fix can be applied without a person looking at it. */
public enum Applicability {
    /** Changes nothing but the problem: may be applied in bulk ({@code fix --write}, "Fix all"). */
    SAFE,
    /** Needs a value only the user knows (an SNI name, a CA path); suggestions are offered. */
    NEEDS_INPUT,
    /** May change behaviour beyond the problem: offered one at a time, with the diff shown. */
    UNSAFE;

    /** Kebab-case name used in JSON and SARIF: {@code safe}, {@code needs-input}, {@code unsafe}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
