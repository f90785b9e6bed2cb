package dev.handshake.lint;

import dev.handshake.nginx.ConfigModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The findings of one lint run over a model, sorted by file and position. */
public record LintResult(ConfigModel model, List<Diagnostic> diagnostics) {

    public LintResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> in(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return diagnostics.stream().filter(d -> d.file().equals(normal)).collect(Collectors.toList());
    }

    public List<Diagnostic> of(String rule) {
        return diagnostics.stream().filter(d -> d.rule().equals(rule)).collect(Collectors.toList());
    }

    public boolean has(Severity threshold) {
        return diagnostics.stream().anyMatch(d -> d.severity().atLeast(threshold));
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
