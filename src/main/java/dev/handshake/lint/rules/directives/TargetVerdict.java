package dev.handshake.lint.rules.directives;

import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.DirectiveSpec;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import dev.handshake.nginx.Statement;
import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the target nginx (edition and version) makes of a catalogued directive, or of one of its
 * parameters, where it stands, and why: shared by {@code directive-not-in-edition} (NGINX Plus only)
 * and {@code directive-too-new} (not yet in the target version).
 *
 * @param statement the directive
 * @param at        where to report: the directive's name, or the parameter
 * @param subject   how the message names it: {@code "ntlm"}, {@code parameter "resolve" of "server"}
 * @param nginxSays what {@code nginx -t} stops with: {@code unknown directive "ntlm"}
 * @param missing   why: NGINX Plus only, or since which open-source version
 */
record TargetVerdict(Statement statement, TextRange at, String subject, String nginxSays, NginxTarget.Missing missing) {

    /**
     * The verdicts on every checked statement: a directive the target lacks where it stands, then each
     * parameter the target lacks. A directive placed where no definition allows it is left to
     * {@code directive-not-allowed-here}, unless the target has no form of it at all (nginx then says
     * "unknown directive" first).
     */
    static List<TargetVerdict> all(List<Statement> statements, NginxTarget target) {
        DirectiveCatalogue catalogue = DirectiveCatalogue.standard();
        List<TargetVerdict> found = new ArrayList<>();
        for (Statement s : statements) {
            Optional<DirectiveSpec> spec = catalogue.find(s.name());
            if (spec.isEmpty()) {
                continue;
            }
            Optional<TargetVerdict> directive = ofDirective(s, spec.get(), target);
            if (directive.isPresent()) {
                found.add(directive.get());
                continue;
            }
            ofParameters(s, spec.get(), catalogue, target).ifPresent(found::add);
        }
        return found;
    }

    /** True when nginx's first complaint about {@code s} would be about the target lacking it. */
    static boolean lacked(Statement s, DirectiveSpec spec, NginxTarget target) {
        return ofDirective(s, spec, target).isPresent();
    }

    private static Optional<TargetVerdict> ofDirective(Statement s, DirectiveSpec spec, NginxTarget target) {
        List<DirectiveSpec.Definition> here = spec.definitionsIn(s.scope());
        boolean knownAnywhere = spec.availableIn(target);
        List<DirectiveSpec.Definition> considered;
        String says;
        if (!knownAnywhere) {
            considered = here.isEmpty() ? spec.definitions() : here;
            says = "unknown directive \"" + s.name() + "\"";
        } else if (!here.isEmpty() && here.stream().noneMatch(d -> d.availableIn(target))) {
            considered = here;
            says = "\"" + s.name() + "\" directive is not allowed here";
        } else {
            return Optional.empty();
        }
        List<NginxTarget.Missing> why = new ArrayList<>();
        for (DirectiveSpec.Definition d : considered) {
            target.missing(d.edition(), d.since()).ifPresent(why::add);
        }
        return Optional.of(new TargetVerdict(s, s.directive().nameToken().range(), "\"" + s.name() + "\"", says,
                closest(why)));
    }

    private static Optional<TargetVerdict> ofParameters(Statement s, DirectiveSpec spec, DirectiveCatalogue catalogue,
                                                        NginxTarget target) {
        List<DirectiveCatalogue.ParameterHistory> history = catalogue.parameterHistory(s.name());
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> module = spec.definitionsIn(s.scope()).stream().map(DirectiveSpec.Definition::module).findFirst();
        for (int i = 1; i < s.directive().argCount(); i++) {
            String arg = s.directive().arg(i);
            int equals = arg.indexOf('=');
            String parameter = equals >= 0 ? arg.substring(0, equals) : arg;
            for (DirectiveCatalogue.ParameterHistory p : history) {
                if (!p.parameter().equals(parameter) || module.isEmpty() || !module.get().equals(p.module())) {
                    continue;
                }
                Optional<NginxTarget.Missing> missing = target.missing(p.edition(), p.since());
                if (missing.isPresent()) {
                    return Optional.of(new TargetVerdict(s, s.directive().argTokens().get(i).range(), "parameter \"" + parameter + "\" of \"" + s.name() + "\"",
                            "invalid parameter \"" + parameter + "\"", missing.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** NGINX Plus only when every reason is; otherwise the earliest open-source version that would do. */
    private static NginxTarget.Missing closest(List<NginxTarget.Missing> why) {
        NginxTarget.Missing best = null;
        for (NginxTarget.Missing m : why) {
            if (m.plusOnly()) {
                continue;
            }
            if (best == null || m.since().before(best.since())) {
                best = m;
            }
        }
        return best != null ? best : new NginxTarget.Missing(null, true);
    }

    /** How the message says where the directive comes from: "appeared in nginx 1.25.1". */
    String history() {
        NginxVersion since = missing.since();
        if (since == null) {
            return subject + " is " + NginxEdition.PLUS.title() + " only";
        }
        return missing.plusFirst()
                ? subject + " is in open-source nginx since " + since + " (" + NginxEdition.PLUS.title() + " only before)"
                : subject + " appeared in nginx " + since;
    }
}
