package dev.handshake.ui.settings;

import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Severity;
import java.util.Map;
import java.util.Set;

/**
 * What the user chose: rules turned off, severities changed, the CA bundle suggested for verification
 * fixes, whether saving shows the review first, the theme and the editor font size. Recent files are
 * kept by the window's own list in the user's preferences, not here.
 *
 * @param disabledRules      rule ids turned off
 * @param severityOverrides  rule id to the severity it is reported with
 * @param defaultCaPath      the CA bundle offered first, or {@code null} for the system bundle
 * @param reviewBeforeSave   whether saving a changed file shows the diff review first
 * @param theme              light or dark
 * @param fontSize           the editor font size in pixels, {@value #MIN_FONT}-{@value #MAX_FONT}
 */
public record Settings(Set<String> disabledRules, Map<String, Severity> severityOverrides, String defaultCaPath,
                       boolean reviewBeforeSave, Theme theme, int fontSize) {

    public static final int MIN_FONT = 8;
    public static final int MAX_FONT = 40;
    public static final int DEFAULT_FONT = 14;

    public Settings {
        disabledRules = Set.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        defaultCaPath = defaultCaPath == null || defaultCaPath.isBlank() ? null : defaultCaPath.trim();
        theme = theme == null ? Theme.LIGHT : theme;
        fontSize = Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize));
    }

    public static Settings defaults() {
        return new Settings(Set.of(), Map.of(), null, true, Theme.LIGHT, DEFAULT_FONT);
    }

    /** The lint options these settings ask for, keeping {@code base}'s extra directive names. */
    public LintOptions lintOptions(LintOptions base) {
        return base.withDisabled(disabledRules).withSeverities(severityOverrides).withDefaultTrustedCa(defaultCaPath);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(disabledRules, severityOverrides, defaultCaPath, reviewBeforeSave, newTheme, fontSize);
    }

    public Settings withFontSize(int size) {
        return new Settings(disabledRules, severityOverrides, defaultCaPath, reviewBeforeSave, theme, size);
    }

    public Settings withDefaultCaPath(String path) {
        return new Settings(disabledRules, severityOverrides, path, reviewBeforeSave, theme, fontSize);
    }

    public Settings withReviewBeforeSave(boolean review) {
        return new Settings(disabledRules, severityOverrides, defaultCaPath, review, theme, fontSize);
    }

    public Settings withRules(Set<String> disabled, Map<String, Severity> overrides) {
        return new Settings(disabled, overrides, defaultCaPath, reviewBeforeSave, theme, fontSize);
    }
}
