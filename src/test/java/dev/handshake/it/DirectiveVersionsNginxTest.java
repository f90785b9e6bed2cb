package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FixApplier;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "editions and versions", against real nginx 1.22.1 (Debian's nginx-light): every NGINX Plus
 * directive and every directive or parameter newer than 1.22.1 makes {@code nginx -t} fail, with the
 * words Handshake's {@code directive-not-in-edition} / {@code directive-too-new} quote, on the line they
 * report; the same file without those lines passes; and the default {@code proxy_ssl_protocols} of
 * 1.22.1 has no TLSv1.3, which {@code upstream-legacy-tls-protocols} says, and its fix makes a
 * TLSv1.3-only upstream answer.
 */
class DirectiveVersionsNginxTest {

    private static final NginxVersion TESTED = new NginxVersion(1, 22, 1);
    private static final Set<String> TARGET_RULES = Set.of("directive-not-in-edition", "directive-too-new");
    private static final Pattern EMERG = Pattern.compile("\\[emerg\\] (?:\\d+#\\d+: )?(.+) in (\\S+):(\\d+)");
    private static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    /** A line nginx 1.22.1 refuses, where it stands, and the beginning of nginx's message. */
    private record Refused(String block, String line, String nginxSays) {
    }

    private static final List<Refused> REFUSED = List.of(
            new Refused("upstream", "ntlm;", "unknown directive \"ntlm\""),
            new Refused("upstream", "sticky cookie srv_id;", "unknown directive \"sticky\""),
            new Refused("upstream", "resolver_timeout 5s;", "\"resolver_timeout\" directive is not allowed here"),
            new Refused("upstream", "server localhost:9 resolve;", "invalid parameter \"resolve\""),
            new Refused("http", "keyval_zone zone=one:32k;", "unknown directive \"keyval_zone\""),
            new Refused("server", "http2 on;", "unknown directive \"http2\""),
            new Refused("server", "status_zone site;", "unknown directive \"status_zone\""),
            new Refused("location", "health_check;", "unknown directive \"health_check\""),
            new Refused("location", "auth_jwt \"api\";", "unknown directive \"auth_jwt\""),
            new Refused("location", "proxy_ssl_certificate_cache off;", "unknown directive \"proxy_ssl_certificate_cache\""),
            new Refused("stream-server", "status_zone tcp;", "unknown directive \"status_zone\""));

    @TempDir
    Path dir;

    private final List<NginxProcess> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(NginxProcess::close);
    }

    /** The installed nginx, which must be the version these facts were measured on. */
    private static void requireTested() throws Exception {
        Path binary = NginxProcess.requireBinary();
        Process process = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(10, TimeUnit.SECONDS);
        if (!said.equals("nginx version: nginx/" + TESTED)) {
            String reason = "these facts are about nginx " + TESTED + ", the installed one says \"" + said + "\"";
            System.out.println("[skipped] real-nginx test: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** A config whose blocks hold {@code lines} (each a {@link Refused#line} placed in its block). */
    private String config(List<Refused> lines) {
        boolean stream = Files.exists(STREAM_MODULE);
        StringBuilder text = new StringBuilder();
        if (stream) {
            text.append("load_module ").append(STREAM_MODULE).append(";\n");
        }
        text.append(NginxProcess.mainPreamble(dir)).append("http {\n").append(NginxProcess.httpPreamble(dir));
        text.append("    resolver 127.0.0.1;\n").append(in(lines, "http", "    "));
        text.append("    upstream pool {\n        zone pool 64k;\n        server 127.0.0.1:9;\n")
                .append(in(lines, "upstream", "        ")).append("    }\n");
        text.append("    server {\n        listen 127.0.0.1:9;\n").append(in(lines, "server", "        "));
        text.append("        location / {\n            proxy_pass https://pool;\n")
                .append("            proxy_ssl_conf_command Options -SessionTicket;\n")
                .append(in(lines, "location", "            ")).append("        }\n    }\n}\n");
        if (stream) {
            text.append("stream {\n    server {\n        listen 127.0.0.1:10;\n        proxy_pass 127.0.0.1:9;\n")
                    .append(in(lines, "stream-server", "        ")).append("    }\n}\n");
        }
        return text.toString();
    }

    private static String in(List<Refused> lines, String block, String indent) {
        StringBuilder text = new StringBuilder();
        for (Refused r : lines) {
            if (r.block().equals(block)) {
                text.append(indent).append(r.line()).append('\n');
            }
        }
        return text.toString();
    }

    private static List<Diagnostic> handshake(Path file, NginxTarget target) throws Exception {
        Linter linter = new Linter(Rules.all(), LintOptions.defaults().withTarget(target));
        return linter.lint(ConfigModel.load(file, ConfigModel.Options.defaults())).diagnostics();
    }

    private static int line(String text, Diagnostic d) {
        int line = 1;
        for (int i = 0; i < d.range().start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + line);
    }

    @Test
    void eachRefusedLineIsTheOneNginxStopsAtInItsWords() throws Exception {
        requireTested();
        NginxTarget target = new NginxTarget(NginxEdition.OSS, TESTED);
        List<Refused> cases = new ArrayList<>(REFUSED);
        if (!Files.exists(STREAM_MODULE)) {
            System.out.println("[skipped] stream case of DirectiveVersionsNginxTest: no " + STREAM_MODULE
                    + " (apt-get install libnginx-mod-stream)");
            cases.removeIf(r -> r.block().equals("stream-server"));
        }
        for (Refused refused : cases) {
            String text = config(List.of(refused));
            Path file = Files.writeString(dir.resolve("nginx.conf"), text);
            NginxProcess.TestResult nginx = NginxProcess.test(dir, file);
            assertEquals(1, nginx.exitCode(), refused.line() + "\n" + nginx.output());
            Matcher said = EMERG.matcher(nginx.output());
            assertTrue(said.find(), nginx.output());
            assertEquals(refused.nginxSays(), said.group(1), refused.line());
            int nginxLine = Integer.parseInt(said.group(3));
            assertEquals(lineOf(text, refused.line()), nginxLine, refused.line() + "\n" + nginx.output());

            List<Diagnostic> found = handshake(file, target).stream().filter(d -> TARGET_RULES.contains(d.rule())).toList();
            assertEquals(1, found.size(), refused.line() + ": " + found);
            assertEquals(nginxLine, line(text, found.get(0)), refused.line() + ": " + found.get(0));
            assertTrue(found.get(0).message().contains("nginx 1.22.1 stops with " + refused.nginxSays()),
                    "nginx: " + said.group(1) + "\nhandshake: " + found.get(0).message());
        }
    }

    @Test
    void allTogetherHandshakeReportsExactlyThoseLinesAndWithoutThemNginxAccepts() throws Exception {
        requireTested();
        String text = config(REFUSED);
        Path file = Files.writeString(dir.resolve("nginx.conf"), text);
        assertEquals(1, NginxProcess.test(dir, file).exitCode());
        Set<Integer> expected = new TreeSet<>();
        for (Refused r : REFUSED) {
            if (!r.block().equals("stream-server") || Files.exists(STREAM_MODULE)) {
                expected.add(lineOf(text, r.line()));
            }
        }
        Set<Integer> reported = new TreeSet<>();
        for (Diagnostic d : handshake(file, new NginxTarget(NginxEdition.OSS, TESTED))) {
            if (TARGET_RULES.contains(d.rule())) {
                reported.add(line(text, d));
            }
        }
        assertEquals(expected, reported);

        String without = config(List.of());
        Path clean = Files.writeString(dir.resolve("nginx.conf"), without);
        NginxProcess.TestResult nginx = NginxProcess.test(dir, clean);
        assertEquals(0, nginx.exitCode(), without + "\n" + nginx.output());
        assertEquals(List.of(), handshake(clean, new NginxTarget(NginxEdition.OSS, TESTED)).stream()
                .filter(d -> TARGET_RULES.contains(d.rule())).toList(), "proxy_ssl_conf_command (1.19.4) is no finding");
        assertEquals(List.of(), handshake(file, new NginxTarget(NginxEdition.PLUS, null)).stream()
                .filter(d -> TARGET_RULES.contains(d.rule())).toList(), "for NGINX Plus of today, all of it is known");
    }

    /**
     * nginx 1.22.1's default {@code proxy_ssl_protocols} is {@code TLSv1 TLSv1.1 TLSv1.2}: a TLSv1.3-only
     * upstream refuses it (502, "alert protocol version"). Handshake reports the unset list for 1.22.1,
     * and after its fix the same upstream answers over TLSv1.3.
     */
    @Test
    void theOldDefaultProtocolsHaveNoTls13AndTheFixAddsIt() throws Exception {
        requireTested();
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), "up.test");
        int upstreamPort = NginxProcess.freePort();
        Path upstreamPrefix = Files.createDirectories(dir.resolve("upstream"));
        String upstream = NginxProcess.mainPreamble(upstreamPrefix) + "http {\n" + NginxProcess.httpPreamble(upstreamPrefix)
                + "    server {\n        listen 127.0.0.1:" + upstreamPort + " ssl;\n"
                + "        ssl_protocols TLSv1.3;\n"
                + "        ssl_certificate " + pki.serverCertificate() + ";\n"
                + "        ssl_certificate_key " + pki.serverKey() + ";\n"
                + "        location / { return 200 \"$ssl_protocol\\n\"; }\n    }\n}\n";
        running.add(NginxProcess.start(upstreamPrefix, Files.writeString(upstreamPrefix.resolve("nginx.conf"), upstream),
                upstreamPort));

        int proxyPort = NginxProcess.freePort();
        Path proxyPrefix = Files.createDirectories(dir.resolve("proxy"));
        String proxy = NginxProcess.mainPreamble(proxyPrefix) + "http {\n" + NginxProcess.httpPreamble(proxyPrefix)
                + "    server {\n        listen 127.0.0.1:" + proxyPort + ";\n"
                + "        location / {\n"
                + "            proxy_pass https://127.0.0.1:" + upstreamPort + ";\n"
                + "            proxy_ssl_verify on;\n"
                + "            proxy_ssl_trusted_certificate " + pki.caCertificate() + ";\n"
                + "            proxy_ssl_name up.test;\n"
                + "        }\n    }\n}\n";
        Path proxyFile = Files.writeString(proxyPrefix.resolve("nginx.conf"), proxy);
        ConfigModel model = ConfigModel.load(proxyFile, ConfigModel.Options.defaults());
        Linter old = new Linter(Rules.all(), LintOptions.defaults().withTarget(new NginxTarget(NginxEdition.OSS, TESTED)));
        List<Diagnostic> legacy = old.lint(model).of("upstream-legacy-tls-protocols");
        assertEquals(1, legacy.size(), legacy.toString());
        assertTrue(legacy.get(0).message().contains("default is `TLSv1 TLSv1.1 TLSv1.2`"), legacy.get(0).message());
        assertEquals(List.of(), Linter.standard().lint(model).of("upstream-legacy-tls-protocols"),
                "no version named: the current default, nothing to say");

        try (NginxProcess nginx = NginxProcess.start(proxyPrefix, proxyFile, proxyPort)) {
            assertEquals(502, NginxProcess.get(proxyPort, "/").statusCode());
            assertTrue(nginx.logs().contains("alert protocol version"), nginx.logs());
        }

        FixApplier.Outcome fixed = FixApplier.fixUntilStable(model, old,
                FixApplier.standardPolicy(Set.of("upstream-legacy-tls-protocols"), Map.of()));
        String fixedText = fixed.changed().get(model.main().path());
        assertTrue(fixedText.contains("            proxy_ssl_protocols TLSv1.2 TLSv1.3;\n"), fixedText);
        Files.writeString(proxyFile, fixedText);
        try (NginxProcess nginx = NginxProcess.start(proxyPrefix, proxyFile, proxyPort)) {
            var answer = NginxProcess.get(proxyPort, "/");
            assertEquals(200, answer.statusCode(), nginx.logs());
            assertEquals("TLSv1.3\n", answer.body());
        }
    }
}
