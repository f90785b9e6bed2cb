package dev.handshake.lint.rules.directives;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code invalid-argument-count} over every corpus file and prints what it finds, each place once.
 * The corpus is configs nginx accepts (its README names the exceptions), so a finding is a false
 * positive unless it is one of those exceptions; the bound catches a systematic misreading of the
 * catalogue's {@code Syntax:} forms, which would show up by the dozen.
 */
class InvalidArgumentCountCorpusTest {

    /**
     * Today 3, all true: crossplane's deliberately broken {@code bad-args} ({@code user;}) and the two
     * reverse-proxy-confs templates whose {@code set $upstream_proto <http or https>;} placeholder is
     * four arguments (nginx rejects both templates until the placeholders are filled in).
     */
    private static final int BOUND = 3;

    @Test
    void theCorpusHasAlmostNoWrongArgumentCounts() throws IOException {
        Linter linter = new Linter(List.of(new InvalidArgumentCount()), LintOptions.defaults());
        Map<String, Diagnostic> unique = new TreeMap<>();
        for (Path file : Corpus.confFiles()) {
            for (Diagnostic d : linter.lint(ConfigModel.load(file, ConfigModel.Options.defaults())).diagnostics()) {
                unique.putIfAbsent(d.key(), d);
            }
        }
        StringBuilder report = new StringBuilder("invalid-argument-count over " + Corpus.confFiles().size()
                + " corpus files: " + unique.size() + " places\n");
        for (Diagnostic d : unique.values()) {
            report.append("  ").append(Corpus.relative(d.file())).append(" @").append(d.range().start())
                    .append(": ").append(d.message()).append('\n');
        }
        System.out.println(report);
        assertTrue(unique.size() <= BOUND, report.toString());
    }
}
