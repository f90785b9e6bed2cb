package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.Statement;
import dev.handshake.text.TextEdit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports directive names neither nginx's documentation nor the user's extra (third-party) names
 * know, with the closest known names. One clear suggestion becomes a rename fix: safe when it is one
 * edit away and allowed where the directive stands, unsafe otherwise.
 */
public final class UnknownDirective implements Rule {

    private static final RuleMeta META = RuleMeta.of("unknown-directive", Severity.WARNING,
            "a directive nginx does not know: a typo, or a third-party module's directive",
            Applicability.SAFE, Applicability.UNSAFE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        DirectiveCatalogue catalogue = DirectiveCatalogue.standard()
                .withExtraNames(context.options().extraDirectives());
        Map<String, Lookup> looked = new HashMap<>();
        for (Statement s : CheckedDirectives.of(context.model())) {
            String name = s.name();
            Lookup lookup = looked.computeIfAbsent(name, n -> catalogue.isKnown(n) ? Lookup.KNOWN
                    : Lookup.unknown(n, catalogue.suggestions(n), catalogue.clearSuggestion(n)));
            if (lookup.known()) {
                continue;
            }
            context.report(s.path(), s.directive().nameToken().range(), lookup.message(), List.of(),
                    rename(catalogue, s, lookup.clear()));
        }
    }

    /**
     * Whether a name is known, and its suggestions and message, looked up once per check (a large file
     * repeats names; a million unknown ones share one message string).
     */
    private record Lookup(boolean known, String message, Optional<DirectiveCatalogue.Suggestion> clear) {
        static final Lookup KNOWN = new Lookup(true, null, Optional.empty());

        static Lookup unknown(String name, List<String> suggestions, Optional<DirectiveCatalogue.Suggestion> clear) {
            String message = "unknown directive \"" + name + "\"";
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + alternatives(suggestions) + "?";
            }
            return new Lookup(false, message, clear);
        }
    }

    private static List<Fix> rename(DirectiveCatalogue catalogue, Statement s, Optional<DirectiveCatalogue.Suggestion> clear) {
        if (clear.isEmpty()) {
            return List.of();
        }
        String target = clear.get().name();
        boolean fitsHere = catalogue.find(target).map(spec -> spec.allowedIn(s.scope()))
                .orElse(catalogue.allowedIn(target, s.scope().kind()));
        // A rename that leaves nginx an argument count it refuses is no safe fix: applied in bulk it
        // turns one warning into an error, which other fixes then work around again and again.
        boolean countFits = catalogue.find(target).flatMap(spec -> spec.definitionIn(s.scope().kind()))
                .map(definition -> definition.arity(target).accepts(s.directive().argCount())).orElse(true);
        Applicability safety = clear.get().distance() == 1 && fitsHere && countFits
                ? Applicability.SAFE : Applicability.UNSAFE;
        FileEdit edit = new FileEdit(s.path(), TextEdit.replace(s.directive().nameToken().range(), target));
        return List.of(Fix.of("Rename to `" + target + "`", safety, List.of(edit)));
    }

    private static String alternatives(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                text.append(i == names.size() - 1 ? " or " : ", ");
            }
            text.append('"').append(names.get(i)).append('"');
        }
        return text.toString();
    }
}
