package dev.handshake.nginx;

import java.util.Optional;

/**
 * The nginx a configuration is meant for: its edition, and its version when the user named one
 * ({@code null}: judge against the current release, so no directive is too new).
 *
 * <p>Catalogue facts say where a directive or parameter came from: edition {@code oss} since a
 * version (or always), or edition {@code plus}: NGINX Plus only, or only until the open-source
 * version {@code since}. NGINX Plus has everything open-source nginx has.
 *
 * @param edition the edition
 * @param version the version, or {@code null} when none was named
 */
public record NginxTarget(NginxEdition edition, NginxVersion version) {

    private static final NginxTarget DEFAULT = new NginxTarget(NginxEdition.OSS, null);

    public NginxTarget {
        if (edition == null) {
            throw new IllegalArgumentException("no edition");
        }
    }

    /** Open-source nginx, no version named: what Handshake judged against before targets existed. */
    public static NginxTarget defaults() {
        return DEFAULT;
    }

    /** The version named, if any. */
    public Optional<NginxVersion> named() {
        return Optional.ofNullable(version);
    }

    /** True when this nginx has a directive or parameter from edition {@code from} since {@code since}. */
    public boolean has(NginxEdition from, NginxVersion since) {
        return missing(from, since).isEmpty();
    }

    /** Why this nginx lacks a directive or parameter from {@code from} since {@code since}; empty when it has it. */
    public Optional<Missing> missing(NginxEdition from, NginxVersion since) {
        if (from == NginxEdition.PLUS && edition == NginxEdition.OSS) {
            if (since == null) {
                return Optional.of(new Missing(null, true));
            }
            return version != null && version.before(since) ? Optional.of(new Missing(since, true)) : Optional.empty();
        }
        if (from == NginxEdition.PLUS || since == null || version == null || !version.before(since)) {
            return Optional.empty(); // NGINX Plus had it before it moved to open source
        }
        return Optional.of(new Missing(since, false));
    }

    /** How messages name this nginx: "nginx 1.22.1", "NGINX Plus", "open-source nginx". */
    public String title() {
        if (version == null) {
            return edition.title();
        }
        return edition == NginxEdition.PLUS ? "NGINX Plus (nginx " + version + ")" : "nginx " + version;
    }

    /**
     * Why a directive or parameter is missing.
     *
     * @param since     the open-source version that has it; {@code null}: NGINX Plus only
     * @param plusFirst true when NGINX Plus had it first (only, or until {@code since})
     */
    public record Missing(NginxVersion since, boolean plusFirst) {

        /** True when no open-source version has it. */
        public boolean plusOnly() {
            return since == null;
        }
    }
}
