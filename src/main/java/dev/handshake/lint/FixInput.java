package dev.handshake.lint;

import java.util.List;
import java.util.Optional;

/**
 * A value a {@link Applicability#NEEDS_INPUT} fix asks for, with ranked suggestions (best first).
 *
 * @param kind       which value: {@link Key#SNI_NAME}, {@link Key#TRUSTED_CA}, {@link Key#CLIENT_KEY}...
 * @param label      what to ask the user
 * @param candidates suggestions, best first; may be empty
 * @param target       the upstream host or group the value is for, as the {@code *_pass} writes it;
 *                     {@code null} when it is for no target in particular
 * @param oneOfSeveral the fix asks the same value for several targets, each under its own id
 *                     ({@code sni-name:core}); one value given for no target never serves them
 */
public record FixInput(Key kind, String label, List<String> candidates, String target, boolean oneOfSeveral) {

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

    public FixInput(Key kind, String label, List<String> candidates) {
        this(kind, label, candidates, null, false);
    }

    /** The id under which {@code kind}'s value for {@code target} is given: {@code sni-name:core}. */
    public static String idFor(Key kind, String target) {
        return kind.id() + ":" + target;
    }

    /**
     * This input's value among {@code byId}: the one given for its target, else (when it is the fix's
     * only target) the one given for no target; {@code null} when none.
     */
    public String valueIn(java.util.Map<String, String> byId) {
        if (target != null) {
            String own = byId.get(idFor(kind, target));
            if (own != null || oneOfSeveral) {
                return own;
            }
        }
        return byId.get(kind.id());
    }

    /** The id of the value asked for ({@link Key#id}), as the edges (flags, dialog fields, fixtures) name it. */
    public String key() {
        return oneOfSeveral ? idFor(kind, target) : kind.id();
    }

    /** The best suggestion, or {@code null}. */
    public String suggestion() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
