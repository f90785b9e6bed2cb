package dev.handshake.ui.settings;

import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import dev.handshake.ui.theme.Theme;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the user chose: rules turned off, severities changed (rule id to the severity it reports with),
 * the CA bundle suggested by verification fixes, whether saving shows a review first, the theme, the
 * editor font size in pixels, whether saving keeps the previous version as {@code NAME.bak}, and the
 * names of third-party module directives to accept (the command line's {@code --directive}), the
 * nginx executable "Test with nginx" runs ({@code null}: the first on the PATH), whether the save
 * review runs {@code nginx -t} on what it is about to write when nginx is found (on by default), and
 * the nginx the configs are for: its edition (the command line's {@code --nginx}) and version
 * ({@code --nginx-version}; {@code null}: the current release; a version a file cannot name, such as a
 * hand-edited typo, is none).
 */
public record Settings(Set<String> disabledRules, Map<String, Severity> severities, String defaultTrustedCa,
                       boolean reviewBeforeSave, Theme theme, int fontSize, boolean backup,
                       Set<String> extraDirectives, String nginxPath, boolean testBeforeSave,
                       NginxEdition nginxEdition, String nginxVersion) {

    public static final int MIN_FONT = 8;
    public static final int MAX_FONT = 32;
    public static final int DEFAULT_FONT = 14;

    public Settings {
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(new TreeSet<>(disabledRules));
        TreeMap<String, Severity> known = new TreeMap<>();
        if (severities != null) {
            // A severity a file could not name (a typo) is no override: the rule keeps its own.
            severities.forEach((rule, severity) -> {
                if (rule != null && severity != null) {
                    known.put(rule, severity);
                }
            });
        }
        severities = Map.copyOf(known);
        theme = theme == null ? Theme.LIGHT : theme;
        fontSize = fontSize <= 0 ? DEFAULT_FONT : Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize));
        extraDirectives = extraDirectives == null ? Set.of() : Set.copyOf(new TreeSet<>(extraDirectives));
        nginxPath = nginxPath == null || nginxPath.isBlank() ? null : nginxPath.trim();
        nginxEdition = nginxEdition == null ? NginxEdition.OSS : nginxEdition;
        nginxVersion = NginxVersion.parse(nginxVersion).map(NginxVersion::toString).orElse(null);
    }

    /** Settings with the save review's nginx -t on. */
    public Settings(Set<String> disabledRules, Map<String, Severity> severities, String defaultTrustedCa,
                    boolean reviewBeforeSave, Theme theme, int fontSize, boolean backup, Set<String> extraDirectives,
                    String nginxPath, NginxEdition nginxEdition, String nginxVersion) {
        this(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup, extraDirectives,
                nginxPath, true, nginxEdition, nginxVersion);
    }

    /** Settings for open-source nginx of the current release. */
    public Settings(Set<String> disabledRules, Map<String, Severity> severities, String defaultTrustedCa,
                    boolean reviewBeforeSave, Theme theme, int fontSize, boolean backup, Set<String> extraDirectives,
                    String nginxPath, boolean testBeforeSave) {
        this(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup, extraDirectives,
                nginxPath, testBeforeSave, NginxEdition.OSS, null);
    }

    /** Settings with the save review's nginx -t on, for open-source nginx of the current release. */
    public Settings(Set<String> disabledRules, Map<String, Severity> severities, String defaultTrustedCa,
                    boolean reviewBeforeSave, Theme theme, int fontSize, boolean backup, Set<String> extraDirectives,
                    String nginxPath) {
        this(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup, extraDirectives,
                nginxPath, true);
    }

    /** Settings that leave the nginx executable to the PATH. */
    public Settings(Set<String> disabledRules, Map<String, Severity> severities, String defaultTrustedCa,
                    boolean reviewBeforeSave, Theme theme, int fontSize, boolean backup, Set<String> extraDirectives) {
        this(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup, extraDirectives, null);
    }

    public static Settings defaults() {
        return new Settings(Set.of(), Map.of(), null, true, Theme.LIGHT, DEFAULT_FONT, false, Set.of());
    }

    public Settings withReviewBeforeSave(boolean review) {
        return new Settings(disabledRules, severities, defaultTrustedCa, review, theme, fontSize, backup, extraDirectives,
                nginxPath, testBeforeSave, nginxEdition, nginxVersion);
    }

    public Settings withBackup(boolean keep) {
        return new Settings(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, keep, extraDirectives,
                nginxPath, testBeforeSave, nginxEdition, nginxVersion);
    }

    public Settings withTheme(Theme chosen) {
        return new Settings(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, chosen, fontSize, backup, extraDirectives,
                nginxPath, testBeforeSave, nginxEdition, nginxVersion);
    }

    public Settings withFontSize(int pixels) {
        return new Settings(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, pixels, backup, extraDirectives,
                nginxPath, testBeforeSave, nginxEdition, nginxVersion);
    }

    public Settings withTestBeforeSave(boolean test) {
        return new Settings(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup,
                extraDirectives, nginxPath, test, nginxEdition, nginxVersion);
    }

    /** These settings for configs meant for {@code edition} at {@code version} ({@code null}: the current release). */
    public Settings withNginxTarget(NginxEdition edition, String version) {
        return new Settings(disabledRules, severities, defaultTrustedCa, reviewBeforeSave, theme, fontSize, backup,
                extraDirectives, nginxPath, testBeforeSave, edition, version);
    }

    /** The nginx the configs are for. */
    public NginxTarget nginxTarget() {
        return new NginxTarget(nginxEdition, NginxVersion.parse(nginxVersion).orElse(null));
    }

    /** The lint options these settings ask for. */
    public LintOptions lintOptions() {
        LintOptions options = LintOptions.defaults().withDisabled(disabledRules).withSeverities(severities)
                .withExtraDirectives(extraDirectives).withTarget(nginxTarget());
        return defaultTrustedCa == null || defaultTrustedCa.isBlank() ? options
                : options.withDefaultTrustedCa(defaultTrustedCa);
    }
}
