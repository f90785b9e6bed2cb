package dev.handshake.lint;

import java.util.List;
import java.util.Optional;

/**
 * A value a {@link Applicability#NEEDS_INPUT} fix asks for, with ranked suggestions (best first).
 *
 * @param kind       which value: {@link Key#SNI_NAME}, {@link Key#TRUSTED_CA}, {@link Key#CLIENT_KEY}...
 * @param label      what to ask the user
 * @param candidates suggestions, best first; may be empty
 */
public record FixInput(Key kind, String label, List<String> candidates) {

    /**
     * The values fixes ask for. Each has a stable id, the one text form: the command line's flag is
     * {@code --} and the id, and the editor and the rule fixtures name values by it.
     */
    public enum Key {
        SNI_NAME("sni-name"),
        TRUSTED_CA("trusted-ca"),
        /** The client certificate file that goes with a written {@code *_ssl_certificate_key}. */
        CLIENT_CERTIFICATE("client-certificate"),
        /** The private key file that goes with a written {@code *_ssl_certificate}. */
        CLIENT_KEY("client-key"),
        /** Why a finding is suppressed (the suppression comment's text). */
        REASON("reason");

        private final String id;

        Key(String id) {
            this.id = id;
        }

        /** {@code sni-name}. */
        public String id() {
            return id;
        }

        /** The key with id {@code id}, or empty. */
        public static Optional<Key> byId(String id) {
            for (Key k : values()) {
                if (k.id.equals(id)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public FixInput {
        candidates = List.copyOf(candidates);
    }

    /** The id of the value asked for ({@link Key#id}), as the edges (flags, dialog fields, fixtures) name it. */
    public String key() {
        return kind.id();
    }

    /** The best suggestion, or {@code null}. */
    public String suggestion() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
