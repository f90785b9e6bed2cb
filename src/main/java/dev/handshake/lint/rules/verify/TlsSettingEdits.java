package dev.handshake.lint.rules.verify;

import dev.handshake.lint.DirectiveEdits;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.LintOptions;
import dev.handshake.nginx.Arity;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Edits that make a scope itself set TLS directives: a directive the scope already writes has its
 * argument replaced (never a second, duplicate directive), the others are inserted together.
 */
final class TlsSettingEdits {

    private TlsSettingEdits() {
    }

    /**
     * Edits that make {@code scope} set each directive of {@code values} (name to value, in order):
     * an own statement whose first argument differs is rewritten in place, one that already has the
     * value is left alone, and the missing ones are handed, as full directives, to {@code insert}.
     */
    static List<FileEdit> setInScope(Scope scope, Map<String, String> values,
                                     Function<List<String>, FileEdit> insert) {
        List<FileEdit> edits = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            List<Statement> own = scope.statements(e.getKey());
            String quoted = DirectiveEdits.quote(e.getValue());
            if (own.isEmpty()) {
                missing.add(e.getKey() + " " + quoted + ";");
            } else if (!arity(own.get(0)).accepts(own.get(0).directive().argCount())) {
                // nginx refuses the file for it: rewrite it, never add a duplicate beside it
                edits.add(DirectiveEdits.rewriteBroken(own.get(0), arity(own.get(0)).max(), e.getKey() + " " + quoted + ";"));
            } else if (!own.get(0).directive().arg(0).equals(e.getValue())) {
                edits.add(DirectiveEdits.replaceArg(own.get(0), 0, quoted));
            }
        }
        if (!missing.isEmpty()) {
            edits.add(insert.apply(missing));
        }
        return edits;
    }

    private static Arity arity(Statement s) {
        return DirectiveCatalogue.standard().find(s.name())
                .flatMap(d -> d.definitionIn(s.scope().kind()))
                .map(d -> d.arity(s.name()))
                .orElse(new Arity(0, Arity.UNBOUNDED));
    }

    /** Inserts for a connection's block, where every fix for that block inserts ({@link DirectiveEdits#insertForHome}). */
    static Function<List<String>, FileEdit> afterPass(ConfigModel model, UpstreamConnection connection) {
        return directives -> DirectiveEdits.insertForHome(model, connection, directives);
    }

    /** Inserts right after a written directive, in its block. */
    static Function<List<String>, FileEdit> after(Statement anchor) {
        return directives -> DirectiveEdits.insertAfter(anchor, directives);
    }

    /** Inserts at the start of the block {@code opener} opens (an http or stream block). */
    static Function<List<String>, FileEdit> atStartOf(Statement opener) {
        return directives -> DirectiveEdits.insertAtBlockStart(opener, directives);
    }

    /**
     * CA bundles to suggest, best first: every {@code *_ssl_trusted_certificate} already written in
     * the configuration, then the configured default, then the system bundle.
     */
    static List<String> caCandidates(ConfigModel model, LintOptions options) {
        Set<String> found = new LinkedHashSet<>(model.derived(WrittenCas.class, WrittenCas::of).paths());
        if (options.defaultTrustedCa() != null && !options.defaultTrustedCa().isBlank()) {
            found.add(options.defaultTrustedCa());
        }
        found.add(LintOptions.SYSTEM_CA_BUNDLE);
        return List.copyOf(found);
    }

    /** Every literal {@code *_ssl_trusted_certificate} path written in a model, in reading order; scanned once. */
    private record WrittenCas(List<String> paths) {
        static WrittenCas of(ConfigModel model) {
            Set<String> found = new LinkedHashSet<>();
            for (Statement s : model.statements()) {
                if (s.name().endsWith("_ssl_trusted_certificate") && s.directive().argCount() == 1) {
                    String path = s.directive().arg(0);
                    if (!path.isBlank() && !path.contains("$")) {
                        found.add(path);
                    }
                }
            }
            return new WrittenCas(List.copyOf(found));
        }
    }
}
