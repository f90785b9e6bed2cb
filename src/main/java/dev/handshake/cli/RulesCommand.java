package dev.handshake.cli;

import dev.handshake.lint.Rule;
import dev.handshake.lint.RuleMeta;
import dev.handshake.report.RuleDocs;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code rules} lists the rules; {@code explain RULE} prints one rule's documentation. */
final class RulesCommand {

    private final Main main;

    RulesCommand(Main main) {
        this.main = main;
    }

    int list(List<String> rest, PrintStream out) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("rules takes no arguments");
        }
        int width = main.rules().stream().mapToInt(r -> r.meta().id().length()).max().orElse(0);
        for (Rule rule : main.rules()) {
            RuleMeta meta = rule.meta();
            out.printf("%-" + width + "s  %-7s  %s%n", meta.id(), meta.defaultSeverity().label(), meta.summary());
        }
        out.flush();
        return 0;
    }

    int explain(List<String> rest, PrintStream out, PrintStream err) throws UsageException {
        if (rest.size() != 1) {
            throw new UsageException("explain takes one RULE (see '" + Main.NAME + " rules')");
        }
        String id = Session.checkRule(rest.get(0), main.knownRuleIds());
        Optional<String> doc = RuleDocs.markdown(id);
        if (doc.isPresent()) {
            out.print(doc.get().endsWith("\n") ? doc.get() : doc.get() + "\n");
        } else {
            Optional<RuleMeta> meta = main.rules().stream().map(Rule::meta).filter(m -> m.id().equals(id)).findFirst();
            out.println("# " + id);
            out.println();
            meta.ifPresent(m -> out.println(m.defaultSeverity().label() + ": " + m.summary()));
            err.println(Main.NAME + ": no documentation for " + id + " yet");
        }
        out.flush();
        return 0;
    }
}
