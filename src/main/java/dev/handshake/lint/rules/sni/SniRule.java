package dev.handshake.lint.rules.sni;

import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.WrittenCause;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Place;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamGroup;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.nginx.UpstreamTls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A rule over the {@link UpstreamTls} of every HTTPS upstream connection SNI can matter for, with the
 * grouping and the wording the SNI rules share.
 */
abstract class SniRule implements Rule {

    private final RuleMeta meta;

    SniRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(RuleContext context) {
        check(context, connections(context.model()));
    }

    abstract void check(RuleContext context, List<UpstreamTls> connections);

    /**
     * The connections that {@code when} selects, grouped by the written statement {@code cause} gives
     * ({@link WrittenCause}: one finding per written directive, wherever it is inherited); connections
     * without one are left out.
     */
    static List<WrittenCause<UpstreamTls>> byCause(List<UpstreamTls> connections, Predicate<UpstreamTls> when,
                                                   Function<UpstreamTls, Optional<Statement>> cause) {
        return WrittenCause.group(connections, f -> when.test(f) ? cause.apply(f) : Optional.empty(),
                f -> f.connection().pass());
    }

    /** The passes of {@code affected} (each once) and, with {@code groups}, the groups they reach. */
    static List<Related> related(List<UpstreamTls> affected, String why, boolean groups) {
        List<Related> related = new ArrayList<>();
        Set<Object> seen = new LinkedHashSet<>();
        for (UpstreamTls f : affected) {
            Statement pass = f.connection().pass();
            if (seen.add(new Shown(pass.place(), f.describe()))) {
                related.add(passRelated(f, why));
                Related.via(f.connection()).ifPresent(related::add);
            }
            if (groups) {
                Related.group(f.group()).filter(g -> seen.add(new Place(g.file(), g.range().start()))).ifPresent(related::add);
            }
        }
        return related;
    }

    /** A pass listed as related: once per place and connection described. */
    private record Shown(Place pass, String connection) {
    }

    /** What nginx sends on every upstream connection of {@code model} that SNI can matter for (not unix sockets). */
    static List<UpstreamTls> connections(ConfigModel model) {
        return model.upstreamTls().stream().filter(f -> !f.unixSocket()).toList();
    }

    /** A statement as written, without its semicolon: {@code proxy_ssl_server_name off}. */
    static String written(Statement s) {
        return s.name() + (s.directive().argCount() == 0 ? "" : " " + String.join(" ", s.directive().args()));
    }

    /**
     * What explains one connection's target: the {@code set}/{@code map} entry its URL comes from
     * ({@link Related#via}), then its {@code upstream{}} group.
     */
    static List<Related> targetRelated(UpstreamTls f) {
        List<Related> related = new ArrayList<>();
        Related.via(f.connection()).ifPresent(related::add);
        Related.group(f.group()).ifPresent(related::add);
        return related;
    }

    /** The pass as a related location. */
    static Related passRelated(UpstreamTls f, String why) {
        return Related.at(f.connection().pass(), why + ": " + f.describe());
    }

    /** {@code ; this takes down all 2 servers of upstream backend_pool together}, or empty. */
    static String groupClause(UpstreamTls f) {
        UpstreamGroup group = f.group();
        if (f.kind() != UpstreamTarget.Kind.GROUP || group == null) {
            return "";
        }
        int n = group.servers().size();
        if (n == 1) {
            return "; this takes down the only server of upstream " + group.name();
        }
        return "; this takes down all " + n + " servers of upstream " + group.name() + " together";
    }
}
