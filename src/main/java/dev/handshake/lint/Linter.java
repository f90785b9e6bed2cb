package dev.handshake.lint;

import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rules over a model: de-duplicates findings (an included file is analysed once per place it is
 * included from), applies severity overrides and suppressions, and adds "Suppress with a reason" to
 * every finding that can be suppressed.
 */
public final class Linter {

    /** Reported when a rule fails on some input: a bug in Handshake, never in the user's file. */
    public static final String INTERNAL_ERROR = "internal-error";

    /** The parser's errors (SyntaxErrorRule): never offered a suppression, since nginx refuses the file. */
    public static final String SYNTAX_ERROR = "syntax-error";

    private final List<Rule> rules;
    private final LintOptions options;

    public Linter(List<Rule> rules, LintOptions options) {
        this.rules = List.copyOf(rules);
        this.options = options;
    }

    /** Every built-in rule with default options. */
    public static Linter standard() {
        return new Linter(Rules.all(), LintOptions.defaults());
    }

    public static Linter standard(LintOptions options) {
        return new Linter(Rules.all(), options);
    }

    public List<Rule> rules() {
        return rules;
    }

    public LintOptions options() {
        return options;
    }

    public LintResult lint(ConfigModel model) {
        Map<Diagnostic.Identity, Diagnostic> unique = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (!options.enabled(rule.meta().id())) {
                continue;
            }
            RuleContext context = new RuleContext(model, options, rule.meta());
            try {
                rule.check(context);
            } catch (RuntimeException | StackOverflowError bug) {
                Diagnostic failure = new Diagnostic(INTERNAL_ERROR, Severity.WARNING, model.main().path(),
                        dev.handshake.text.TextRange.at(0),
                        "rule " + rule.meta().id() + " failed on this file: " + bug, List.of(), List.of());
                unique.put(failure.identity(), failure);
            }
            for (Diagnostic d : context.found()) {
                unique.putIfAbsent(d.identity(), d);
            }
        }
        Suppressions suppressions = new Suppressions(model.files());
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : unique.values()) {
            if (suppressions.silences(d)) {
                continue;
            }
            Severity override = options.severityOverrides().get(d.rule());
            kept.add(override != null ? d.withSeverity(override) : d);
        }
        for (Diagnostic d : suppressions.problems()) {
            if (options.enabled(d.rule())) {
                kept.add(d);
            }
        }
        List<Diagnostic> withSuppress = new ArrayList<>(kept.size());
        Map<Path, ConfigFile> filesByPath = new HashMap<>();
        for (Diagnostic d : kept) {
            ConfigFile file = filesByPath.computeIfAbsent(d.file(), p -> model.file(p).orElse(null));
            withSuppress.add(withSuppressFix(file, d));
        }
        withSuppress.sort(order(model));
        return new LintResult(model, withSuppress);
    }

    private static Comparator<Diagnostic> order(ConfigModel model) {
        Map<Path, Integer> fileOrder = new HashMap<>();
        for (ConfigFile f : model.files()) {
            fileOrder.putIfAbsent(f.path(), fileOrder.size());
        }
        return Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.file(), Integer.MAX_VALUE))
                .thenComparing(d -> d.file().toString())
                .thenComparing(Diagnostic::range)
                .thenComparing(Diagnostic::rule);
    }

    /** Adds "Suppress with a reason" (a comment on the line above) unless the rule cannot be suppressed. */
    private static Diagnostic withSuppressFix(ConfigFile file, Diagnostic d) {
        if (d.rule().equals(Suppressions.UNUSED) || d.rule().equals(Suppressions.NO_REASON)
                || d.rule().equals(INTERNAL_ERROR) || d.rule().equals(SYNTAX_ERROR)) {
            return d;
        }
        if (file == null) {
            return d;
        }
        String text = file.text();
        LineIndex lines = file.source().lines();
        int lineStart = lines.lineStart(lines.line(d.range().start()));
        int indentEnd = lineStart;
        while (indentEnd < text.length() && (text.charAt(indentEnd) == ' ' || text.charAt(indentEnd) == '\t')) {
            indentEnd++;
        }
        String indent = text.substring(lineStart, indentEnd);
        String eol = file.source().eol();
        FixInput reason = new FixInput(FixInput.Key.REASON, "Why is this safe here?", List.of());
        Fix suppress = Fix.withInputs("Suppress " + d.rule() + " here with a reason", List.of(reason), values -> {
            String why = values.getOrDefault(FixInput.Key.REASON, "").replace('\n', ' ').replace('\r', ' ').trim();
            String comment = indent + "# handshake:ignore " + d.rule() + " -- " + why + eol;
            return List.of(new FileEdit(file.path(), TextEdit.insert(lineStart, comment)));
        });
        List<Fix> fixes = new ArrayList<>(d.fixes());
        fixes.add(suppress);
        return d.withFixes(fixes);
    }
}
