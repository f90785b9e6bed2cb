package dev.handshake.lint;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.EffectiveSettings;
import dev.handshake.nginx.Statement;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees (the model, its effective settings, the lint options) and where it reports. */
public final class RuleContext {

    private final ConfigModel model;
    private final LintOptions options;
    private final RuleMeta meta;
    private final List<Diagnostic> found = new ArrayList<>();

    RuleContext(ConfigModel model, LintOptions options, RuleMeta meta) {
        this.model = model;
        this.options = options;
        this.meta = meta;
    }

    public ConfigModel model() {
        return model;
    }

    public EffectiveSettings settings() {
        return model.settings();
    }

    public LintOptions options() {
        return options;
    }

    /** Reports a finding of this rule with its default severity. */
    public void report(Path file, TextRange range, String message, List<Related> related, List<Fix> fixes) {
        report(meta.defaultSeverity(), file, range, message, related, fixes);
    }

    /** Reports a finding of this rule with an explicit severity. */
    public void report(Severity severity, Path file, TextRange range, String message, List<Related> related,
                       List<Fix> fixes) {
        for (Fix fix : fixes) {
            if (!meta.fixKinds().contains(fix.applicability())) {
                throw new IllegalStateException("rule " + meta.id() + " emitted a " + fix.applicability().label()
                        + " fix it does not declare: " + fix.title());
            }
        }
        found.add(new Diagnostic(meta.id(), severity, file, range, message, related, fixes));
    }

    /** Reports a finding on a statement's directive. */
    public void report(Statement at, String message, List<Related> related, List<Fix> fixes) {
        report(at.path(), at.range(), message, related, fixes);
    }

    List<Diagnostic> found() {
        return found;
    }
}
