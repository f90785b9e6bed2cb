package dev.handshake.lint;

import java.util.Map;
import java.util.Set;

/**
 * User choices that shape linting: rules turned off, severities changed, third-party directive names
 * to accept, and the CA bundle to suggest for verification fixes.
 */
public record LintOptions(Set<String> disabledRules, Map<String, Severity> severityOverrides,
                          Set<String> extraDirectives, String defaultTrustedCa) {

    /** The system CA bundle on Debian-like systems. */
    public static final String SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    public LintOptions {
        disabledRules = Set.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        extraDirectives = Set.copyOf(extraDirectives);
    }

    public static LintOptions defaults() {
        return new LintOptions(Set.of(), Map.of(), Set.of(), null);
    }

    public LintOptions withDisabled(Set<String> rules) {
        return new LintOptions(rules, severityOverrides, extraDirectives, defaultTrustedCa);
    }

    public LintOptions withSeverities(Map<String, Severity> overrides) {
        return new LintOptions(disabledRules, overrides, extraDirectives, defaultTrustedCa);
    }

    public LintOptions withExtraDirectives(Set<String> names) {
        return new LintOptions(disabledRules, severityOverrides, names, defaultTrustedCa);
    }

    public LintOptions withDefaultTrustedCa(String path) {
        return new LintOptions(disabledRules, severityOverrides, extraDirectives, path);
    }

    public boolean enabled(String rule) {
        return !disabledRules.contains(rule);
    }
}
