package dev.handshake.lint.rules;

import dev.handshake.Snapshots;
import dev.handshake.diff.TextDiff;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.Related;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders findings the way a reviewer reads them (after ruff's snapshots): per finding the rule,
 * severity and place ({@code file:line:col-line:col}), the whole message, the source with {@code ^}
 * under the range, the related places, and each fix with its title, safety, inputs and the unified
 * diff of the text it produces.
 */
final class FindingSnapshot {

    private static final String INDENT = "  ";

    private final ConfigModel model;
    private final Path dir;
    private final Map<String, String> inputs;

    /**
     * @param dir    the fixture's folder: files are named relative to it
     * @param inputs values for needs-input fixes (the rest take their best suggestion)
     */
    FindingSnapshot(ConfigModel model, Path dir, Map<String, String> inputs) {
        this.model = model;
        this.dir = dir;
        this.inputs = inputs;
    }

    String render(List<Diagnostic> findings) {
        if (findings.isEmpty()) {
            return "no findings\n";
        }
        List<Diagnostic> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Diagnostic d) -> label(d.file())).thenComparing(Diagnostic::range)
                .thenComparing(Diagnostic::rule).thenComparing(Diagnostic::message));
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : sorted) {
            if (out.length() > 0) {
                out.append('\n');
            }
            finding(out, d);
        }
        return out.toString();
    }

    private void finding(StringBuilder out, Diagnostic d) {
        out.append(d.rule()).append(" (").append(d.severity().label()).append(") at ").append(place(d.file(), d.range()))
                .append('\n');
        out.append(indented(d.message(), INDENT)).append('\n');
        ConfigFile file = fileOf(d.file());
        out.append(Snapshots.excerpt(file.text(), file.source().lines(), d.range(), INDENT));
        for (Related related : d.related()) {
            out.append(INDENT).append("related at ").append(place(related.file(), related.range())).append(": ")
                    .append(related.message()).append('\n');
        }
        for (int i = 0; i < d.fixes().size(); i++) {
            fix(out, i + 1, d.fixes().get(i));
        }
    }

    private void fix(StringBuilder out, int number, Fix fix) {
        out.append(INDENT).append("fix ").append(number).append(" (").append(fix.applicability().label()).append("): ")
                .append(fix.title()).append('\n');
        Map<String, String> values = new HashMap<>();
        List<String> missing = new ArrayList<>();
        String inner = INDENT + INDENT;
        for (FixInput input : fix.inputs()) {
            String given = inputs.get(input.key());
            String value = given != null ? given : input.suggestion();
            if (value == null) {
                missing.add(input.key());
                continue;
            }
            values.put(input.key(), value);
            out.append(inner).append("input ").append(input.key()).append(" = ").append(value)
                    .append(given != null ? " (given)" : " (suggested)")
                    .append(input.candidates().size() > 1 ? "; candidates: " + String.join(", ", input.candidates()) : "")
                    .append('\n');
        }
        if (!missing.isEmpty()) {
            out.append(inner).append("(no diff: needs ").append(String.join(", ", missing)).append(")\n");
            return;
        }
        Map<Path, List<TextEdit>> byFile = new LinkedHashMap<>();
        for (FileEdit e : fix.edits(values)) {
            byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.edit());
        }
        if (byFile.isEmpty()) {
            out.append(inner).append("(no edits)\n");
        }
        for (Map.Entry<Path, List<TextEdit>> e : byFile.entrySet()) {
            String before = fileOf(e.getKey()).text();
            String after = TextEdit.apply(before, e.getValue());
            String label = label(e.getKey());
            String diff = TextDiff.between(before, after).unified("a/" + label, "b/" + label);
            out.append(indented(diff.isEmpty() ? "(no change to " + label + ")" : diff.stripTrailing(), inner))
                    .append('\n');
        }
    }

    private ConfigFile fileOf(Path path) {
        return model.file(path).orElseThrow(() -> new AssertionError("finding in a file outside the model: " + path));
    }

    private String place(Path file, TextRange range) {
        LineIndex lines = fileOf(file).source().lines();
        return label(file) + ":" + Snapshots.where(lines, range);
    }

    /** The file's path relative to the fixture's folder, with {@code /}. */
    private String label(Path file) {
        Path relative = file.startsWith(dir) ? dir.relativize(file) : file.getFileName();
        return relative.toString().replace('\\', '/');
    }

    private static String indented(String text, String indent) {
        return indent + text.replace("\r", "").replace("\n", "\n" + indent);
    }
}
