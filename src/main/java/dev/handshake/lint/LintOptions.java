package dev.handshake.lint;

import dev.handshake.nginx.NginxTarget;
import java.util.Map;
import java.util.Set;

/**
 * User choices that shape linting: rules turned off, severities changed, third-party directive names
 * to accept, the CA bundle to suggest for verification fixes, and the nginx the configuration is for
 * (edition and version; by default open-source nginx, no version named).
 */
public record LintOptions(Set<String> disabledRules, Map<String, Severity> severityOverrides,
                          Set<String> extraDirectives, String defaultTrustedCa, NginxTarget target) {

    /** The system CA bundle on Debian-like systems. */
    public static final String SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    public LintOptions {
        disabledRules = Set.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        extraDirectives = Set.copyOf(extraDirectives);
        target = target == null ? NginxTarget.defaults() : target;
    }

    public static LintOptions defaults() {
        return new LintOptions(Set.of(), Map.of(), Set.of(), null, NginxTarget.defaults());
    }

    public LintOptions withDisabled(Set<String> rules) {
        return new LintOptions(rules, severityOverrides, extraDirectives, defaultTrustedCa, target);
    }

    public LintOptions withSeverities(Map<String, Severity> overrides) {
        return new LintOptions(disabledRules, overrides, extraDirectives, defaultTrustedCa, target);
    }

    public LintOptions withExtraDirectives(Set<String> names) {
        return new LintOptions(disabledRules, severityOverrides, names, defaultTrustedCa, target);
    }

    public LintOptions withDefaultTrustedCa(String path) {
        return new LintOptions(disabledRules, severityOverrides, extraDirectives, path, target);
    }

    public LintOptions withTarget(NginxTarget nginx) {
        return new LintOptions(disabledRules, severityOverrides, extraDirectives, defaultTrustedCa, nginx);
    }

    public boolean enabled(String rule) {
        return !disabledRules.contains(rule);
    }
}
