package dev.handshake.nginx;

import java.util.Optional;

/** Which nginx: the open-source one ({@code oss}) or NGINX Plus ({@code plus}), which has more directives. */
public enum NginxEdition {
    OSS("oss", "open-source nginx"),
    PLUS("plus", "NGINX Plus");

    private final String label;
    private final String title;

    NginxEdition(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** The word the catalogue, the command line and the settings use: {@code oss} or {@code plus}. */
    public String label() {
        return label;
    }

    /** How messages name it: "open-source nginx", "NGINX Plus". */
    public String title() {
        return title;
    }

    /** The edition {@code label} names; empty for anything else. */
    public static Optional<NginxEdition> of(String label) {
        for (NginxEdition e : values()) {
            if (e.label.equals(label)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
