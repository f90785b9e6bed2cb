package dev.handshake.lint.rules;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code upstream-sni-name-ignored}: a {@code *_ssl_name} is in force but {@code *_ssl_server_name} is
 * off, so the name is never sent. Reported once on the written name, with the connections as related.
 */
final class UpstreamSniNameIgnored implements Rule {

    private static final RuleMeta META = RuleMeta.of("upstream-sni-name-ignored", Severity.WARNING,
            "*_ssl_name is set but *_ssl_server_name is off: the name is never sent",
            Applicability.SAFE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Map<String, List<SniFacts>> byName = new LinkedHashMap<>();
        for (SniFacts f : SniFacts.of(context.model())) {
            if (f.sniOn() || f.name().isEmpty()) {
                continue;
            }
            Statement name = f.name().get();
            byName.computeIfAbsent(name.path() + "#" + name.range().start(), k -> new ArrayList<>()).add(f);
        }
        for (List<SniFacts> affected : byName.values()) {
            Statement name = affected.get(0).name().orElseThrow();
            List<Related> related = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (SniFacts f : affected) {
                if (seen.add(f.connection().pass().path() + "#" + f.connection().pass().range().start() + f.describe())) {
                    related.add(f.passRelated("never sends this name"));
                }
            }
            String serverName = affected.get(0).connection().ssl("server_name");
            String where = related.size() == 1 ? affected.get(0).describe() : related.size() + " HTTPS upstream connections";
            context.report(name, "`" + SniFacts.written(name) + "` is never sent: " + serverName + " is off for " + where
                    + ", so no SNI goes out at all", related, List.of(SniFixes.turnOn(context.model(), affected)));
        }
    }
}
