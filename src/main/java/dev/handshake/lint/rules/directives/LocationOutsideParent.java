package dev.handshake.lint.rules.directives;

import dev.handshake.lint.Related;
import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleContext;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.syntax.Directive;
import java.util.List;
import java.util.Optional;

/**
 * Reports a {@code location} nested in another where nginx refuses it, in nginx's words and order of
 * checks: inside an exact ({@code =}) or a named ({@code @}) location, a named location anywhere but
 * at server level, and a prefix location whose path does not start with its parent's (for a regex
 * parent, the parent's pattern text). Regex locations may nest anywhere the parent allows nesting.
 */
public final class LocationOutsideParent implements Rule {

    private static final RuleMeta META = RuleMeta.of("location-outside-parent", Severity.ERROR,
            "a nested location nginx refuses: outside its parent's path, or inside an exact or named location");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** What nginx keeps of a location's arguments: its name (path, pattern or @name) and its kind. */
    record Location(String name, boolean exact, boolean named, boolean regex) {

        /** Empty when the arguments are not a location nginx would accept (reported elsewhere or by nginx). */
        static Optional<Location> of(Directive d) {
            if (d.argCount() == 2) {
                String name = d.arg(1);
                return switch (d.arg(0)) {
                    case "=" -> Optional.of(new Location(name, true, false, false));
                    case "^~" -> Optional.of(new Location(name, false, false, false));
                    case "~", "~*" -> Optional.of(new Location(name, false, false, true));
                    default -> Optional.empty();
                };
            }
            if (d.argCount() != 1 || d.arg(0).isEmpty()) {
                return Optional.empty();
            }
            String arg = d.arg(0);
            if (arg.startsWith("=")) {
                return Optional.of(new Location(arg.substring(1), true, false, false));
            }
            if (arg.startsWith("^~")) {
                return Optional.of(new Location(arg.substring(2), false, false, false));
            }
            if (arg.startsWith("~*")) {
                return Optional.of(new Location(arg.substring(2), false, false, true));
            }
            if (arg.startsWith("~")) {
                return Optional.of(new Location(arg.substring(1), false, false, true));
            }
            return Optional.of(new Location(arg, false, arg.startsWith("@"), false));
        }
    }

    @Override
    public void check(RuleContext context) {
        context.model().walkScopes(scope -> {
            Scope parent = scope.parent();
            if (scope.kind() != ScopeKind.LOCATION || parent == null || parent.kind() != ScopeKind.LOCATION) {
                return;
            }
            Optional<Location> child = Location.of(scope.directive());
            Optional<Location> outer = Location.of(parent.directive());
            if (child.isEmpty() || outer.isEmpty()) {
                return;
            }
            problem(child.get(), outer.get()).ifPresent(message -> report(context, scope.opener(), parent.opener(), message));
        });
    }

    /** nginx's own check ({@code ngx_http_core_location}), first failing condition first. */
    static Optional<String> problem(Location child, Location parent) {
        if (parent.exact()) {
            return Optional.of("location \"" + child.name() + "\" cannot be inside the exact location \"" + parent.name() + "\"");
        }
        if (parent.named()) {
            return Optional.of("location \"" + child.name() + "\" cannot be inside the named location \"" + parent.name() + "\"");
        }
        if (child.named()) {
            return Optional.of("named location \"" + child.name() + "\" can be on the server level only");
        }
        if (!child.regex() && !child.name().startsWith(parent.name())) {
            return Optional.of("location \"" + child.name() + "\" is outside location \"" + parent.name() + "\"");
        }
        return Optional.empty();
    }

    private static void report(RuleContext context, Statement location, Statement parent, String message) {
        context.report(location.path(), location.directive().headRange(), message,
                List.of(new Related(parent.path(), parent.directive().headRange(), "the enclosing location")), List.of());
    }
}
