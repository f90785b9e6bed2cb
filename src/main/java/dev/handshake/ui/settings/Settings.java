package dev.handshake.ui.settings;

import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user chose: rules turned off, severities changed (rule id to {@code error}/{@code warning}/
 * {@code info}), the CA bundle suggested by verification fixes, whether saving shows a review first,
 * the theme ({@code light} or {@code dark}), the editor font size in pixels, and whether saving keeps
 * the previous version as {@code NAME.bak}, and the names of third-party module directives to accept
 * (the command line's {@code --directive}), and the nginx executable "Test with nginx" runs ({@code null}: the
 * first on the PATH).
 */
public record Settings(Set<String> disabledRules, Map<String, String> severities, String defaultTrustedCa,
                       boolean reviewBeforeSave, String theme, int fontSize, boolean backup,
                       Set<String> extraDirectives, String nginxPath) {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final int MIN_FONT = 8;
    public static final int MAX_FONT = 32;

    public Settings {
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(new TreeSet<>(disabledRules));
        severities = severities == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(severities));
        theme = DARK.equals(theme) ? DARK : LIGHT;
        fontSize = fontSize <= 0 ? 14 : Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize));
        extraDirectives = extraDirectives == null ? Set.of() : Set.copyOf(new TreeSet<>(extraDirectives));
        nginxPath = nginxPath == null || nginxPath.isBlank() ? null : nginxPath.trim();
    }

    /** Settings that leave the nginx executable to the PATH. */
    public Settings(Set<String> disabledRules, Map<String, String> severities, String defaultTrustedCa,
                    boolean reviewBeforeSave, String theme, int fontSize, boolean backup, Set<String> extraDirectives) {
        this(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup, extraDirectives, null);
    }

    public static Settings defaults() {
        return new Settings(Set.of(), Map.of(), null, true, LIGHT, 14, false, Set.of());
    }

    /** The lint options these settings ask for; unknown severity names are ignored. */
    public LintOptions lintOptions() {
        Map<String, Severity> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : severities.entrySet()) {
            try {
                overrides.put(e.getKey(), Severity.fromLabel(e.getValue()));
            } catch (IllegalArgumentException unknown) {
                // A hand-edited file with a typo keeps the rule's default severity.
            }
        }
        LintOptions options = LintOptions.defaults().withDisabled(disabledRules).withSeverities(overrides)
                .withExtraDirectives(extraDirectives);
        return defaultTrustedCa == null || defaultTrustedCa.isBlank() ? options
                : options.withDefaultTrustedCa(defaultTrustedCa);
    }
}
