package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.nginx.NginxTarget;
import dev.handshake.nginx.NginxVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus's nginx-tests configs (nginx's own test suite, written for the newest nginx) against real
 * nginx 1.22.1: every file where Handshake targeting 1.22.1 reports {@code directive-too-new} or
 * {@code directive-not-in-edition} is refused by {@code nginx -t}, and nginx's first error is either one
 * of those findings, in its words and at its line (nginx names the line where the statement ends), or
 * something Handshake does not claim to know (a newer parameter such as {@code listen ... quic}), before
 * any finding: no finding stands where nginx 1.22.1 reads on.
 */
class DirectiveVersionsCorpusNginxTest {

    private static final Set<String> TARGET_RULES = Set.of("directive-not-in-edition", "directive-too-new");
    private static final Pattern EMERG = Pattern.compile("\\[emerg\\] (?:\\d+#\\d+: )?(.+) in \\S+:(\\d+)");
    private static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    @TempDir
    Path dir;

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line of the first {@code ;} or {@code {} from {@code offset}: where nginx has read the statement. */
    private static int statementEndLine(String text, int offset) {
        for (int i = offset; i < text.length(); i++) {
            if (text.charAt(i) == ';' || text.charAt(i) == '{') {
                return lineAt(text, i);
            }
        }
        return lineAt(text, text.length());
    }

    @Test
    void whatHandshakeReportsForNginx1221IsWhereNginx1221Stops() throws Exception {
        Path corpus = Corpus.root().resolve("nginx-tests");
        Path binary = NginxProcess.requireBinary();
        Process version = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
        String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        version.waitFor(10, TimeUnit.SECONDS);
        if (!said.equals("nginx version: nginx/1.22.1")) {
            System.out.println("[skipped] real-nginx test: these facts are about nginx 1.22.1, not \"" + said + "\"");
            Assumptions.abort("another nginx version");
        }
        Linter linter = new Linter(Rules.all(), LintOptions.defaults()
                .withTarget(new NginxTarget(NginxEdition.OSS, NginxVersion.parse("1.22.1").orElseThrow())));
        String prefix = Files.exists(STREAM_MODULE) ? "load_module " + STREAM_MODULE + "; " : "";
        int agreeing = 0;
        List<String> stoppedEarlier = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<Path> files;
        try (var listing = Files.list(corpus)) {
            files = listing.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path file : files) {
            List<Diagnostic> found = linter.lint(ConfigModel.load(file, ConfigModel.Options.defaults())).diagnostics()
                    .stream().filter(d -> TARGET_RULES.contains(d.rule()) && d.file().equals(file)).toList();
            if (found.isEmpty()) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            Path copy = Files.writeString(dir.resolve("nginx.conf"), prefix + text, StandardCharsets.ISO_8859_1);
            NginxProcess.TestResult nginx = NginxProcess.test(dir, copy);
            Matcher emerg = EMERG.matcher(nginx.output());
            if (nginx.exitCode() == 0 || !emerg.find()) {
                wrong.add(file.getFileName() + ": nginx accepts it or names no line: " + nginx.output().strip());
                continue;
            }
            String words = emerg.group(1);
            int line = Integer.parseInt(emerg.group(2));
            boolean same = found.stream().anyMatch(d -> statementEndLine(text, d.range().start()) == line
                    && d.message().contains("stops with " + words));
            int firstFinding = found.stream().mapToInt(d -> lineAt(text, d.range().start())).min().orElseThrow();
            if (same) {
                agreeing++;
            } else if (line < firstFinding) {
                stoppedEarlier.add(file.getFileName() + ":" + line + " " + words);
            } else {
                wrong.add(file.getFileName() + ": nginx stops at " + line + " with " + words + "; Handshake: " + found);
            }
        }
        System.out.println("[nginx 1.22.1 vs Handshake on nginx-tests] agreeing: " + agreeing
                + ", nginx stopped earlier at what Handshake does not know: " + stoppedEarlier.size() + " " + stoppedEarlier);
        assertEquals(List.of(), wrong);
        assertTrue(agreeing > 0, "no file to compare");
    }
}
