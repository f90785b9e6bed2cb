package dev.handshake.ui.settings;

import java.util.Locale;

/** The window's colours. */
public enum Theme {
    LIGHT, DARK;

    /** Lower-case name used in the settings file and the dialog. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
