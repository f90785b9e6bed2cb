package dev.handshake.lint;

import java.util.List;

/**
 * A value a {@link Applicability#NEEDS_INPUT} fix asks for, with ranked suggestions (best first).
 *
 * @param key        stable id: {@link #SNI_NAME}, {@link #TRUSTED_CA}, {@link #CLIENT_KEY}...
 * @param label      what to ask the user
 * @param candidates suggestions, best first; may be empty
 */
public record FixInput(String key, String label, List<String> candidates) {

    public static final String SNI_NAME = "sni-name";
    public static final String TRUSTED_CA = "trusted-ca";
    /** The client certificate file that goes with a written {@code *_ssl_certificate_key}. */
    public static final String CLIENT_CERTIFICATE = "client-certificate";
    /** The private key file that goes with a written {@code *_ssl_certificate}. */
    public static final String CLIENT_KEY = "client-key";

    public FixInput {
        candidates = List.copyOf(candidates);
    }

    /** The best suggestion, or {@code null}. */
    public String suggestion() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
