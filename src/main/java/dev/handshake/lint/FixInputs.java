package dev.handshake.lint;

import dev.handshake.nginx.UpstreamTarget;
import java.util.Optional;

/**
 * Whether a value typed for a {@link FixInput} can go into the config, and if not why: the same answer
 * for the editor's dialog and the command line's {@code --sni-name}/{@code --trusted-ca}.
 */
public final class FixInputs {

    private FixInputs() {
    }

    /** Why {@code value} cannot be used for the input {@code key}; empty when it can. */
    public static Optional<String> problem(FixInput.Key key, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Optional.of("a value is needed");
        }
        if (v.chars().anyMatch(c -> Character.isWhitespace(c) || c == ';' || c == '{' || c == '}' || c == '#'
                || c == '"' || c == '\'' || c < 0x20)) {
            return Optional.of("it would not be one nginx argument: no spaces, quotes, ';', '{', '}' or '#'");
        }
        if (key == FixInput.Key.SNI_NAME) {
            return sniNameProblem(v);
        }
        return Optional.empty();
    }

    private static Optional<String> sniNameProblem(String name) {
        String host = name.startsWith("[") ? name : UpstreamTarget.hostOf(name);
        if (UpstreamTarget.isIpLiteral(host) || host.contains(":") && !host.contains("$")) {
            return Optional.of("an IP address is never sent as SNI (RFC 6066 allows host names only):"
                    + " use the DNS name the upstream's certificate carries");
        }
        if (!host.contains("$") && !host.matches("[A-Za-z0-9_.-]+")) {
            return Optional.of("not a host name: use letters, digits, '-' and '.' (or a $variable)");
        }
        if (host.startsWith(".") || host.contains("..")) {
            return Optional.of("not a host name: empty label between dots");
        }
        return Optional.empty();
    }
}
