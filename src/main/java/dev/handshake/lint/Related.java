package dev.handshake.lint;

import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamGroup;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.Optional;

/** A place that explains a finding: an affected {@code proxy_pass}, the {@code upstream} group... */
public record Related(Path file, TextRange range, String message) {

    /** A statement as a related place. */
    public static Related at(Statement statement, String message) {
        return new Related(statement.path(), statement.range(), message);
    }

    /** An {@code upstream{}} group as a related place, its head and its size: {@code upstream pool (2 servers)}. */
    public static Optional<Related> group(UpstreamGroup group) {
        if (group == null || group.statement() == null) {
            return Optional.empty();
        }
        int n = group.servers().size();
        Statement opener = group.statement();
        return Optional.of(new Related(opener.path(), opener.directive().headRange(),
                "upstream " + group.name() + " (" + n + (n == 1 ? " server" : " servers") + ")"));
    }

    /**
     * The {@code set} or {@code map} entry whose value makes a variable pass's URL
     * ({@link UpstreamConnection#via}), as a related place; empty for a URL written in the pass.
     */
    public static Optional<Related> via(UpstreamConnection connection) {
        if (connection.via() == null) {
            return Optional.empty();
        }
        return Optional.of(at(connection.via(), connection.viaVariable() + " is `" + connection.viaValue()
                + "` here: " + connection.describeVia()));
    }
}
