package dev.handshake.lint;

import java.util.Locale;

/** How bad a finding is. Ordered from worst to mildest. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** {@link #label()} of each, made once: reports ask for it per finding. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case name used in JSON, text output and settings. */
    public String label() {
        return label;
    }

    /** True when this is at least as bad as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
