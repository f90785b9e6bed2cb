package dev.handshake.lint.rules;

import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** A rule over the {@link SniFacts} of every HTTPS upstream connection, with the grouping the SNI rules share. */
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
        check(context, SniFacts.of(context.model()));
    }

    abstract void check(RuleContext context, List<SniFacts> connections);

    /**
     * The connections that {@code when} selects, grouped by the written statement {@code cause} gives
     * (one finding per written directive, wherever it is inherited); connections without one are left out.
     */
    static Map<Statement, List<SniFacts>> byCause(List<SniFacts> connections, Predicate<SniFacts> when,
                                                  Function<SniFacts, Statement> cause) {
        Map<String, Statement> first = new LinkedHashMap<>();
        Map<Statement, List<SniFacts>> grouped = new LinkedHashMap<>();
        for (SniFacts f : connections) {
            Statement s = when.test(f) ? cause.apply(f) : null;
            if (s == null) {
                continue;
            }
            Statement key = first.computeIfAbsent(s.path() + "#" + s.range().start(), k -> s);
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        return grouped;
    }

    /** The passes of {@code affected} (each once) and, with {@code groups}, the groups they reach. */
    static List<Related> related(List<SniFacts> affected, String why, boolean groups) {
        List<Related> related = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SniFacts f : affected) {
            Statement pass = f.connection().pass();
            if (seen.add(pass.path() + "#" + pass.range().start() + "#" + f.describe())) {
                related.add(f.passRelated(why));
            }
            if (groups) {
                f.groupRelated().filter(g -> seen.add(g.file() + "#" + g.range().start())).ifPresent(related::add);
            }
        }
        return related;
    }
}
