package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nginx decides which nested locations it accepts: for each nesting below, {@code nginx -t}'s
 * {@code [emerg]} message and line are exactly what {@code location-outside-parent} reports, and
 * where nginx accepts the nesting the rule reports nothing.
 */
class LocationNestingNginxTest {

    private static final Pattern EMERG = Pattern.compile("\\[emerg] (?:\\d+#\\d+: )?(.*) in (\\S+):(\\d+)");

    private static final List<String> NESTINGS = List.of(
            "location /a { location /b { } }",
            "location /a { location /a/b { } }",
            "location = /a { location /a/b { } }",
            "location @n { location /x { } }",
            "location /a { location @m { } }",
            "location ~ \\.php$ { location /x { } }",
            "location ~ \\.php$ { location ~ /x { } }",
            "location /a { location ~ \\.php$ { } }",
            "location /a { location =/a/x { } location ^~/a/y { } location ~*/q { } }",
            "location /A { location /a/b { } }",
            "location ^~ /img/ { location /img/big/ { } location /css/ { } }");

    @TempDir
    Path dir;

    @Test
    void theRuleSaysWhatNginxSaysForEveryNesting() throws IOException, InterruptedException {
        NginxProcess.requireBinary();
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < NESTINGS.size(); i++) {
            Path prefix = Files.createDirectories(dir.resolve("case" + i));
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, NginxProcess.mainPreamble(prefix) + "http {\n" + NginxProcess.httpPreamble(prefix)
                    + "    server {\n        listen 127.0.0.1:" + NginxProcess.freePort() + ";\n        "
                    + NESTINGS.get(i) + "\n    }\n}\n");
            NginxProcess.TestResult nginx = NginxProcess.test(prefix, conf);
            Matcher m = EMERG.matcher(nginx.output());
            boolean emerg = m.find();
            String expected = emerg ? m.group(1) + " @" + m.group(3) : "accepted";
            if ((nginx.exitCode() != 0) != emerg) {
                disagreements.add(NESTINGS.get(i) + ": nginx exit code and [emerg] line disagree: " + nginx.output());
                continue;
            }
            rejected += expected.equals("accepted") ? 0 : 1;
            ConfigModel model = ConfigModel.load(conf, ConfigModel.Options.defaults());
            List<Diagnostic> found = Linter.standard().lint(model).diagnostics().stream()
                    .filter(d -> d.rule().equals("location-outside-parent")).toList();
            String actual = found.isEmpty() ? "accepted"
                    : found.get(0).message() + " @" + model.main().source().lines().line(found.get(0).range().start());
            if (!expected.equals(actual)) {
                disagreements.add(NESTINGS.get(i) + ": nginx " + expected + ", handshake " + actual);
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(7, rejected, "the nestings nginx 1.22 rejects");
    }
}
