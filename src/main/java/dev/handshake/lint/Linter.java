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
        List<Diagnostic> found = new ArrayList<>();
        for (Rule rule : rules) {
            if (!options.enabled(rule.meta().id())) {
                continue;
            }
            RuleContext context = new RuleContext(model, options, rule.meta());
            try {
                rule.check(context);
            } catch (RuntimeException | StackOverflowError bug) {
                found.add(new Diagnostic(INTERNAL_ERROR, Severity.WARNING, model.main().path(),
                        dev.handshake.text.TextRange.at(0),
                        "rule " + rule.meta().id() + " failed on this file: " + bug, List.of(), List.of()));
            }
            found.addAll(context.found());
        }
        // Sorting first puts the copies of one finding (an included file analysed once per place it is
        // included from) side by side, so they are dropped without a map of every finding; the sort is
        // stable, so the first one reported is the one kept.
        Comparator<Diagnostic> order = order(model);
        found.sort(order);
        Suppressions suppressions = new Suppressions(model.files());
        List<Diagnostic> kept = new ArrayList<>(found.size());
        Diagnostic previous = null;
        for (Diagnostic d : found) {
            if (previous != null && sameFinding(previous, d)) {
                continue;
            }
            previous = d;
            if (suppressions.silences(d)) {
                continue;
            }
            Severity override = options.severityOverrides().get(d.rule());
            kept.add(override != null ? d.withSeverity(override) : d);
        }
        found = null;
        for (Diagnostic d : suppressions.problems()) {
            if (options.enabled(d.rule())) {
                kept.add(d);
            }
        }
        Map<Path, ConfigFile> filesByPath = new HashMap<>();
        Map<String, String> suppressTitles = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            Diagnostic d = kept.get(i);
            ConfigFile file = filesByPath.computeIfAbsent(d.file(), p -> model.file(p).orElse(null));
            kept.set(i, withSuppressFix(file, d, suppressTitles));
        }
        kept.sort(order);
        return new LintResult(model, kept);
    }

    private static boolean sameFinding(Diagnostic a, Diagnostic b) {
        return a.range().equals(b.range()) && a.rule().equals(b.rule()) && a.file().equals(b.file())
                && a.message().equals(b.message());
    }

    private static Comparator<Diagnostic> order(ConfigModel model) {
        Map<Path, Integer> fileOrder = new HashMap<>();
        for (ConfigFile f : model.files()) {
            fileOrder.putIfAbsent(f.path(), fileOrder.size());
        }
        return Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.file(), Integer.MAX_VALUE))
                .thenComparing(d -> d.file().toString())
                .thenComparing(Diagnostic::range)
                .thenComparing(Diagnostic::rule)
                .thenComparing(Diagnostic::message);
    }

    /** The one input every suppression asks for. */
    private static final FixInput REASON = new FixInput(FixInput.Key.REASON, "Why is this safe here?", List.of());

    /**
     * Adds "Suppress with a reason" (a comment on the line above) unless the rule cannot be suppressed.
     * The comment's place and indentation are worked out only when the fix is applied: a million
     * findings must not hold a million indentation strings.
     */
    private static Diagnostic withSuppressFix(ConfigFile file, Diagnostic d, Map<String, String> titles) {
        String rule = d.rule();
        if (rule.equals(Suppressions.UNUSED) || rule.equals(Suppressions.NO_REASON)
                || rule.equals(INTERNAL_ERROR) || rule.equals(SYNTAX_ERROR)) {
            return d;
        }
        if (file == null) {
            return d;
        }
        int offset = d.range().start();
        String title = titles.computeIfAbsent(rule, r -> "Suppress " + r + " here with a reason");
        Fix suppress = Fix.withInputs(title, List.of(REASON), values -> {
            String text = file.text();
            LineIndex lines = file.source().lines();
            int lineStart = lines.lineStart(lines.line(offset));
            int indentEnd = lineStart;
            while (indentEnd < text.length() && (text.charAt(indentEnd) == ' ' || text.charAt(indentEnd) == '\t')) {
                indentEnd++;
            }
            String why = values.getOrDefault(FixInput.Key.REASON, "").replace('\n', ' ').replace('\r', ' ').trim();
            String comment = text.substring(lineStart, indentEnd) + "# handshake:ignore " + rule + " -- " + why
                    + file.source().eol();
            return List.of(new FileEdit(file.path(), TextEdit.insert(lineStart, comment)));
        });
        List<Fix> fixes = new ArrayList<>(d.fixes().size() + 1);
        fixes.addAll(d.fixes());
        fixes.add(suppress);
        return d.withFixes(fixes);
    }
}
