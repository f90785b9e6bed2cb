package dev.handshake.lint.rules.verify;

import dev.handshake.lint.Related;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamGroup;
import dev.handshake.nginx.UpstreamTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The verify family's wording over {@link WrittenCause}: the connections one written directive decides
 * a setting for, reported once on it with every affected {@code *_pass} (and {@code upstream{}} group)
 * as a related location.
 */
final class AffectedConnections {

    /**
     * Every connection of the model grouped by the written statement {@code cause} blames for it
     * ({@link WrittenCause}); connections for which it finds none are not affected, and a pass spliced
     * in twice counts once.
     */
    static List<WrittenCause<UpstreamConnection>> collect(RuleContext context,
                                                          Function<UpstreamConnection, Optional<Statement>> cause) {
        return collect(context.model().upstreamConnections(), cause);
    }

    /**
     * What {@code nginx -t} checks the TLS settings of: every TLS connection, then every pass with a
     * variable in its URL whatever its scheme ({@link dev.handshake.nginx.ConfigModel#variablePasses}).
     */
    static List<UpstreamConnection> checkedByNginxTest(RuleContext context) {
        List<UpstreamConnection> checked = new ArrayList<>(context.model().upstreamConnections());
        checked.addAll(context.model().variablePasses());
        return checked;
    }

    /** {@link #collect(RuleContext, Function)} over {@code connections}. */
    static List<WrittenCause<UpstreamConnection>> collect(List<UpstreamConnection> connections,
                                                          Function<UpstreamConnection, Optional<Statement>> cause) {
        return WrittenCause.group(connections, cause, c -> c.pass().place());
    }

    /** The effective {@code *_ssl_<suffix>} of {@code c} when it is written with the single value {@code value}. */
    static Optional<Statement> writtenAs(RuleContext context, UpstreamConnection c, String suffix, String value) {
        return context.settings().effective(c.home(), c.ssl(suffix))
                .filter(s -> s.directive().argCount() == 1 && s.directive().arg(0).equals(value));
    }

    /** Every affected {@code *_pass}, then every {@code upstream{}} group they reach. */
    static List<Related> related(List<UpstreamConnection> affected) {
        List<Related> related = new ArrayList<>();
        for (UpstreamConnection c : affected) {
            related.add(Related.at(c.pass(), "affects " + c.describe()));
            Related.via(c).ifPresent(related::add);
        }
        related.addAll(groupsRelated(affected));
        return related;
    }

    /** The {@code upstream{}} groups {@code affected} reach, with their number of servers. */
    static List<Related> groupsRelated(List<UpstreamConnection> affected) {
        List<Related> related = new ArrayList<>();
        for (UpstreamGroup group : groups(affected)) {
            Related.group(group).ifPresent(related::add);
        }
        return related;
    }

    /**
     * A sentence tail naming the {@code upstream{}} groups among {@code affected} and how many servers
     * each puts at risk together, or the empty string when no group is reached.
     */
    static String groupNote(List<UpstreamConnection> affected) {
        List<String> parts = new ArrayList<>();
        for (UpstreamGroup group : groups(affected)) {
            parts.add("upstream " + group.name() + " (" + servers(group) + ")");
        }
        return parts.isEmpty() ? "" : "; this covers every server of " + String.join(", ", parts) + " at once";
    }

    /** How to say how many servers a group has: {@code 3 servers}. */
    static String servers(UpstreamGroup group) {
        int n = group.servers().size();
        return n + (n == 1 ? " server" : " servers");
    }

    /** {@code 1 connection}, {@code 3 connections}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Set<UpstreamGroup> groups(List<UpstreamConnection> affected) {
        Set<UpstreamGroup> groups = new LinkedHashSet<>();
        for (UpstreamConnection c : affected) {
            if (c.target().kind() == UpstreamTarget.Kind.GROUP && c.target().group() != null) {
                groups.add(c.target().group());
            }
        }
        return groups;
    }
}
