package dev.handshake.it;

import dev.handshake.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident this product exists for, reproduced with two real nginx processes: an upstream that only
 * serves {@value #NAME} by SNI, and a proxy config that reaches it by IP and by {@code upstream{}} name
 * without SNI.
 */
class UpstreamSniEndToEndTest {

    static final String NAME = "backend.internal.test";

    @TempDir
    Path dir;

    private TestPki pki;
    private int upstreamPort;
    private int proxyPort;
    private NginxProcess upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        NginxProcess.requireBinary();
        pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), NAME);
        upstreamPort = NginxProcess.freePort();
        proxyPort = NginxProcess.freePort();
        Path prefix = dir.resolve("upstream");
        Files.createDirectories(prefix);
        String config = NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + "    server {\n"
                + "        listen 127.0.0.1:" + upstreamPort + " ssl default_server;\n"
                + "        ssl_reject_handshake on;\n"
                + "    }\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + upstreamPort + " ssl;\n"
                + "        server_name " + NAME + ";\n"
                + "        ssl_certificate " + pki.serverCertificate() + ";\n"
                + "        ssl_certificate_key " + pki.serverKey() + ";\n"
                + "        location / {\n"
                + "            return 200 \"sni=$ssl_server_name host=$host xfp=$http_x_forwarded_proto"
                + " team=$http_x_team\\n\";\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
        upstream = NginxProcess.start(prefix, Files.writeString(prefix.resolve("nginx.conf"), config), upstreamPort);
    }

    @AfterEach
    void stopUpstream() throws Exception {
        if (upstream != null) {
            upstream.close();
        }
    }

    /** The user's config as they would write it: SNI off by default, headers set once at server level. */
    String brokenProxyConfig(Path prefix) {
        return NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + "    upstream backend_pool {\n"
                + "        server 127.0.0.1:" + upstreamPort + ";\n"
                + "    }\n"
                + "\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + proxyPort + ";\n"
                + "        proxy_set_header X-Forwarded-Proto https;\n"
                + "        proxy_set_header X-Team payments;\n"
                + "\n"
                + "        location /by-ip/ {\n"
                + "            proxy_pass https://127.0.0.1:" + upstreamPort + "/;\n"
                + "        }\n"
                + "\n"
                + "        location /by-group/ {\n"
                + "            proxy_pass https://backend_pool/;\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    @Test
    void withoutSniTheUpstreamRefusesTheHandshakeAndEveryRequestIs502() throws Exception {
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = Files.writeString(prefix.resolve("nginx.conf"), brokenProxyConfig(prefix));
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(502, get("/by-ip/x").statusCode());
            assertEquals(502, get("/by-group/x").statusCode());
            assertTrue(proxy.logs().contains("SSL_do_handshake() failed"), proxy.logs());
        }
    }

    @Test
    void handshakeFindsTheProblemAndItsFixMakesRealNginxAnswer200() throws Exception {
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = Files.writeString(prefix.resolve("nginx.conf"), brokenProxyConfig(prefix));

        assertEquals(1, cli("check", config.toString()).exitCode(), "check must fail on the broken config");
        Cli fixed = cli("fix", "--write", "--sni-name", NAME, "--trusted-ca", pki.caCertificate().toString(),
                config.toString());
        assertEquals(0, fixed.exitCode(), fixed.err());
        Cli recheck = cli("check", config.toString());
        assertEquals(0, recheck.exitCode(), recheck.out());

        NginxProcess.TestResult syntax = NginxProcess.test(prefix, config);
        assertEquals(0, syntax.exitCode(), syntax.output());

        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            for (String path : List.of("/by-ip/x", "/by-group/x")) {
                HttpResponse<String> response = get(path);
                assertEquals(200, response.statusCode(), path + "\n" + Files.readString(config) + proxy.logs());
                assertEquals("sni=" + NAME + " host=" + NAME + " xfp=https team=payments\n", response.body(), path);
            }
        }
    }

    record Cli(int exitCode, String out, String err) {
    }

    static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
