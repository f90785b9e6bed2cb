package dev.handshake.ui.theme;

import java.util.Locale;

/** The window's look: light (the default) or dark, written in settings as {@code "light"} / {@code "dark"}. */
public enum Theme {
    LIGHT,
    DARK;

    /** How settings files spell it: {@code light}, {@code dark}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme a settings file names; anything else (a typo, an old or missing value) is light. */
    public static Theme of(String label) {
        return label != null && label.trim().equalsIgnoreCase(DARK.label()) ? DARK : LIGHT;
    }

    @Override
    public String toString() {
        return label();
    }
}
