package dev.handshake.lint.rules;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleMeta;
import java.util.List;
import java.util.Optional;

/** The registry of built-in rules, in reporting order. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SyntaxErrorRule(),
                IncludeProblems.notFound(),
                IncludeProblems.cycle(),
                IncludeProblems.unreadable(),
                IncludeProblems.expansionTooLarge(),
                new UpstreamSniOff(),
                new UpstreamSniNameUnusable(),
                new UpstreamSniNameIgnored(),
                new UpstreamHostHeaderMismatch(),
                new UpstreamVerifyOff(),
                new UpstreamVerifyWithoutCa(),
                new UpstreamClientCertIncomplete(),
                new UpstreamLegacyTlsProtocols(),
                new UpstreamTlsSettingsDiverge(),
                new UnknownDirective(),
                new DirectiveNotAllowedHere(),
                new InvalidArgumentCount());
    }

    public static Optional<RuleMeta> meta(String id) {
        return all().stream().map(Rule::meta).filter(m -> m.id().equals(id)).findFirst();
    }
}
