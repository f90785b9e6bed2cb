package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.lint.rules.directives.InvalidArgumentCount;
import dev.handshake.nginx.ConfigModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "the catalogue knows what nginx accepts", against real nginx: the argument counts
 * {@code invalid-argument-count} reports are the ones {@code nginx -t} rejects, with the same message,
 * and the counts nginx takes beyond the documented forms are not reported.
 */
class InvalidArgumentCountNginxTest {

    private static final Pattern NGINX_MESSAGE = Pattern.compile("\\[emerg\\] (?:\\d+#\\d+: )?(invalid number of arguments in \"[^\"]+\" directive) in ");

    @TempDir
    Path dir;

    /** A whole config with {@code lines} in a location of a server, and the group {@code pool}. */
    private String config(String lines) {
        return NginxProcess.mainPreamble(dir)
                + "http {\n" + NginxProcess.httpPreamble(dir)
                + "    upstream pool { server 127.0.0.1:9; }\n"
                + "    server {\n        listen 127.0.0.1:" + 9 + ";\n"
                + "        location / {\n" + lines + "\n        }\n    }\n}\n";
    }

    private List<Diagnostic> handshake(Path file) throws Exception {
        Linter linter = new Linter(List.of(new InvalidArgumentCount()), LintOptions.defaults());
        return linter.lint(ConfigModel.load(file, ConfigModel.Options.defaults())).diagnostics();
    }

    @Test
    void nginxRejectsWhatTheRuleReportsWithTheSameMessage() throws Exception {
        NginxProcess.requireBinary();
        List<String> inputs = List.of(
                "            proxy_pass https://pool\n            allow 10.0.0.0/8;",
                "            proxy_pass https://pool;\n            proxy_ssl_server_name on\n            proxy_ssl_name pool.internal;",
                "            proxy_pass https://pool;\n            proxy_ssl_name ;",
                "            proxy_pass https://pool;\n            proxy_set_header Host;");
        for (String input : inputs) {
            Path file = Files.writeString(dir.resolve("nginx.conf"), config(input));
            NginxProcess.TestResult nginx = NginxProcess.test(dir, file);
            assertEquals(1, nginx.exitCode(), input + "\n" + nginx.output());
            Matcher said = NGINX_MESSAGE.matcher(nginx.output());
            assertTrue(said.find(), "nginx -t said something else for\n" + input + "\n" + nginx.output());
            List<Diagnostic> found = handshake(file);
            assertEquals(1, found.size(), input + ": " + found);
            assertTrue(found.get(0).message().startsWith(said.group(1) + " ("),
                    "nginx: " + said.group(1) + "\nhandshake: " + found.get(0).message());
        }
    }

    @Test
    void countsNginxTakesBeyondTheDocumentedFormsAreNotReported() throws Exception {
        NginxProcess.requireBinary();
        List<String> inputs = List.of(
                "            error_log " + dir.resolve("e.log") + " debug_core debug_http;",
                "            access_log " + dir.resolve("a2.log") + " combined buffer=32k flush=5s;",
                "            proxy_ssl_protocols TLSv1.2 TLSv1.3;",
                "            error_page 500 502 503 504 =200 /fallback;",
                "            try_files $uri $uri/ /index.html =404;",
                "            add_header X-A b always;",
                "            proxy_ssl_name \"\";\n            proxy_pass https://pool;");
        for (String input : inputs) {
            Path file = Files.writeString(dir.resolve("nginx.conf"), config(input));
            NginxProcess.TestResult nginx = NginxProcess.test(dir, file);
            assertFalse(nginx.output().contains("invalid number of arguments"), input + "\n" + nginx.output());
            assertEquals(0, nginx.exitCode(), input + "\n" + nginx.output());
            assertEquals(List.of(), handshake(file), input);
        }
    }
}
