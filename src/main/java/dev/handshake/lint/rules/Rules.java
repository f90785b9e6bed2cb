package dev.handshake.lint.rules;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.rules.directives.DirectiveNotAllowedHere;
import dev.handshake.lint.rules.directives.DirectiveNotInEdition;
import dev.handshake.lint.rules.directives.DirectiveTooNew;
import dev.handshake.lint.rules.directives.InvalidArgumentCount;
import dev.handshake.lint.rules.directives.LocationOutsideParent;
import dev.handshake.lint.rules.directives.SyntaxErrorRule;
import dev.handshake.lint.rules.directives.UnknownDirective;
import dev.handshake.lint.rules.includes.IncludeCycle;
import dev.handshake.lint.rules.includes.IncludeExpansionTooLarge;
import dev.handshake.lint.rules.includes.IncludeNotFound;
import dev.handshake.lint.rules.includes.IncludeUnreadable;
import dev.handshake.lint.rules.sni.UpstreamHostHeaderMismatch;
import dev.handshake.lint.rules.sni.UpstreamSniNameIgnored;
import dev.handshake.lint.rules.sni.UpstreamSniNameUnusable;
import dev.handshake.lint.rules.sni.UpstreamSniOff;
import dev.handshake.lint.rules.verify.UpstreamClientCertIncomplete;
import dev.handshake.lint.rules.verify.UpstreamLegacyTlsProtocols;
import dev.handshake.lint.rules.verify.UpstreamTlsSettingsDiverge;
import dev.handshake.lint.rules.verify.UpstreamVerifyOff;
import dev.handshake.lint.rules.verify.UpstreamVerifyWithoutCa;
import java.util.List;
import java.util.Optional;

/** The registry of built-in rules, in reporting order. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SyntaxErrorRule(),
                new IncludeNotFound(),
                new IncludeCycle(),
                new IncludeUnreadable(),
                new IncludeExpansionTooLarge(),
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
                new DirectiveNotInEdition(),
                new DirectiveTooNew(),
                new DirectiveNotAllowedHere(),
                new InvalidArgumentCount(),
                new LocationOutsideParent());
    }

    public static Optional<RuleMeta> meta(String id) {
        return all().stream().map(Rule::meta).filter(m -> m.id().equals(id)).findFirst();
    }
}
