package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.lint.rules.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "editions and versions", on the command line: {@code --nginx oss|plus} and
 * {@code --nginx-version X.Y.Z} with every built-in rule, bad values as usage errors (exit 2), and the
 * new rules in {@code rules}, {@code explain} and SARIF metadata.
 */
class NginxTargetOptionsTest {

    /** One NGINX Plus directive, one newer than 1.22.1, one HTTPS upstream with SNI and verification. */
    static final String CONFIG = String.join("\n",
            "events {}",
            "http {",
            "    upstream pool {",
            "        server 10.0.0.5:443;",
            "        ntlm;",
            "    }",
            "    server {",
            "        listen 443 ssl;",
            "        http2 on;",
            "        location / {",
            "            proxy_pass https://pool;",
            "            proxy_ssl_server_name on;",
            "            proxy_ssl_name pool.internal.example;",
            "            proxy_set_header Host pool.internal.example;",
            "            proxy_ssl_verify on;",
            "            proxy_ssl_trusted_certificate /etc/ssl/internal-ca.pem;",
            "        }",
            "    }",
            "}",
            "");

    private static final String NTLM = "nginx.conf:5:9: warning: \"ntlm\" is NGINX Plus only: %s stops with unknown"
            + " directive \"ntlm\" (for NGINX Plus, target it: --nginx plus, or Settings > Configs are for)"
            + " [directive-not-in-edition]\n";
    private static final String HTTP2 = "nginx.conf:9:9: error: \"http2\" appeared in nginx 1.25.1: %s stops with"
            + " unknown directive \"http2\" [directive-too-new]\n";
    private static final String LEGACY = "nginx.conf:11:13: warning: `proxy_ssl_protocols` is not set, and before nginx"
            + " 1.23.4 its default is `TLSv1 TLSv1.1 TLSv1.2`: nginx 1.22.1 allows TLSv1 and TLSv1.1 to this upstream,"
            + " broken or deprecated protocols an attacker can force the connection down to (and never offers TLSv1.3);"
            + " this covers every server of upstream pool (1 server) at once [upstream-legacy-tls-protocols]\n"
            + "nginx.conf:3:5: note: upstream pool (1 server)\n";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(dir, Rules.all()).execute(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run check(String... options) throws IOException {
        Files.writeString(dir.resolve("nginx.conf"), CONFIG);
        List<String> args = new ArrayList<>(List.of("check", "--fail-on", "warning"));
        args.addAll(List.of(options));
        args.add("nginx.conf");
        return run(args.toArray(String[]::new));
    }

    @Test
    void openSourceNginxIsTheDefaultAndNoVersionMeansTheCurrentRelease() throws IOException {
        Run run = check();
        assertEquals(NTLM.formatted("open-source nginx"), run.out());
        assertEquals(1, run.exit(), run.err());
        assertEquals(run.out(), check("--nginx", "oss").out());
    }

    @Test
    void targetingNginxPlusAcceptsItsDirectives() throws IOException {
        Run run = check("--nginx", "plus");
        assertEquals("", run.out());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void aNamedVersionReportsWhatItDoesNotHaveYet() throws IOException {
        Run run = check("--nginx-version", "1.22.1");
        assertEquals(NTLM.formatted("nginx 1.22.1") + HTTP2.formatted("nginx 1.22.1") + LEGACY, run.out());
        assertEquals(1, run.exit(), run.err());
        assertEquals(HTTP2.formatted("NGINX Plus (nginx 1.22.1)") + LEGACY,
                check("--nginx=plus", "--nginx-version=1.22.1").out());
        assertEquals(NTLM.formatted("nginx 1.25.1"), check("--nginx-version", "1.25.1").out());
    }

    @Test
    void badValuesAreUsageErrors() throws IOException {
        for (String[] bad : List.of(
                new String[] {"--nginx-version", "1.x"},
                new String[] {"--nginx-version", "1.25"},
                new String[] {"--nginx-version="},
                new String[] {"--nginx", "enterprise"},
                new String[] {"--nginx", "Plus"})) {
            Run run = check(bad);
            assertEquals(2, run.exit(), String.join(" ", bad) + ": " + run.err());
            assertEquals("", run.out());
            assertEquals(2, run.err().lines().count(), "the reason, then where to look: " + run.err());
            assertTrue(run.err().lines().findFirst().orElseThrow().startsWith("handshake: --nginx"), run.err());
            assertTrue(run.err().endsWith("Try 'handshake --help'.\n"), run.err());
        }
        assertEquals("handshake: --nginx-version wants a version such as 1.22.1 (three numbers), not \"1.x\"\n"
                + "Try 'handshake --help'.\n", check("--nginx-version", "1.x").err());
        assertEquals("handshake: --nginx must be one of oss, plus, not \"enterprise\"\nTry 'handshake --help'.\n",
                check("--nginx", "enterprise").err());
        Run noValue = run("check", "nginx.conf", "--nginx-version");
        assertEquals(2, noValue.exit());
        assertTrue(noValue.err().startsWith("handshake: option --nginx-version needs a value\n"), noValue.err());
    }

    @Test
    void fixTakesTheTargetToo() throws IOException {
        Files.writeString(dir.resolve("nginx.conf"), CONFIG);
        Run plain = run("fix", "nginx.conf");
        assertTrue(!plain.out().contains("proxy_ssl_protocols"), plain.out());
        Run old = run("fix", "--nginx-version", "1.22.1", "nginx.conf");
        assertTrue(old.out().contains("+            proxy_ssl_protocols TLSv1.2 TLSv1.3;\n"), old.out());
        assertEquals(2, run("fix", "--nginx-version", "one", "nginx.conf").exit());
        assertEquals(CONFIG, Files.readString(dir.resolve("nginx.conf")), "a dry run writes nothing");
    }

    @Test
    void theNewRulesAreListedExplainedAndInSarif() throws IOException {
        Run rules = run("rules");
        assertTrue(rules.out().lines().anyMatch(l -> l.matches("directive-not-in-edition +warning +an NGINX Plus directive.*")),
                rules.out());
        assertTrue(rules.out().lines().anyMatch(l -> l.matches("directive-too-new +error +a directive or parameter newer.*")),
                rules.out());
        assertTrue(run("explain", "directive-too-new").out().startsWith("# directive-too-new\n\n## What it does\n"));
        assertTrue(run("explain", "directive-not-in-edition").out().startsWith("# directive-not-in-edition\n"));
        Files.writeString(dir.resolve("nginx.conf"), CONFIG);
        JsonNode sarif = new ObjectMapper().readTree(run("check", "--format", "sarif", "--nginx-version", "1.22.1",
                "nginx.conf").out());
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : sarif.at("/runs/0/tool/driver/rules")) {
            ids.add(rule.get("id").asText());
            if (rule.get("id").asText().equals("directive-too-new")) {
                assertEquals("error", rule.at("/defaultConfiguration/level").asText(), rule.toString());
            }
        }
        assertTrue(ids.containsAll(List.of("directive-not-in-edition", "directive-too-new")), ids.toString());
        List<String> found = new ArrayList<>();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            found.add(result.get("ruleId").asText());
        }
        assertTrue(found.containsAll(List.of("directive-not-in-edition", "directive-too-new")), found.toString());
    }

    @Test
    void helpNamesTheOptions() {
        Run help = run("--help");
        assertTrue(help.out().contains("[--nginx oss|plus]"), help.out());
        assertTrue(help.out().contains("[--nginx-version X.Y.Z]"), help.out());
    }
}
