package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "the name check does not need SNI", against real nginx (127.0.0.1 only): with
 * {@code proxy_ssl_verify on} nginx checks the certificate against the {@code proxy_pass} host even
 * with SNI off, so a group name fails; an IPv4 target matches a certificate whose CN is that address
 * and that has no DNS SAN, and does not match an IP-only SAN.
 */
class NameCheckWithoutSniTest {

    static final String NAME = "backend.internal.test";

    @TempDir
    Path dir;

    private NginxProcess upstream;
    private int upstreamPort;
    private int proxyPort;

    @AfterEach
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }

    /** An upstream that serves {@code pki}'s certificate to every handshake, SNI or not. */
    private void startUpstream(TestPki pki) throws Exception {
        upstreamPort = NginxProcess.freePort();
        proxyPort = NginxProcess.freePort();
        Path prefix = Files.createDirectories(dir.resolve("upstream"));
        String config = NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + "    server {\n"
                + "        listen 127.0.0.1:" + upstreamPort + " ssl;\n"
                + "        ssl_certificate " + pki.serverCertificate() + ";\n"
                + "        ssl_certificate_key " + pki.serverKey() + ";\n"
                + "        location / { return 200 \"ok\\n\"; }\n"
                + "    }\n"
                + "}\n";
        upstream = NginxProcess.start(prefix, Files.writeString(prefix.resolve("nginx.conf"), config), upstreamPort);
    }

    private Path proxyConfig(Path prefix, TestPki pki, String passTarget) throws IOException {
        String config = NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + "    upstream sgrp_http {\n"
                + "        server 127.0.0.1:" + upstreamPort + ";\n"
                + "    }\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + proxyPort + ";\n"
                + "        location / {\n"
                + "            proxy_ssl_verify on;\n"
                + "            proxy_ssl_trusted_certificate " + pki.caCertificate() + ";\n"
                + "            proxy_pass https://" + passTarget + "/;\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
        return Files.writeString(prefix.resolve("nginx.conf"), config);
    }

    @Test
    void aGroupNameFailsVerificationWithSniOffAndHandshakeSaysSoAndItsFixAnswers200() throws Exception {
        NginxProcess.requireBinary();
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), NAME);
        startUpstream(pki);
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = proxyConfig(prefix, pki, "sgrp_http");
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(502, get("/x").statusCode());
            assertTrue(proxy.logs().contains("upstream SSL certificate does not match \"sgrp_http\""), proxy.logs());
        }

        UpstreamSniEndToEndTest.Cli check = UpstreamSniEndToEndTest.cli("check", config.toString());
        assertEquals(1, check.exitCode(), check.out());
        assertTrue(check.out().contains("upstream-sni-name-unusable"), check.out());
        assertTrue(check.out().contains("even though SNI is off"), check.out());

        UpstreamSniEndToEndTest.Cli fixed = UpstreamSniEndToEndTest.cli("fix", "--write", "--sni-name", NAME,
                config.toString());
        assertEquals(0, fixed.exitCode(), fixed.err());
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            HttpResponse<String> response = get("/x");
            assertEquals(200, response.statusCode(), Files.readString(config) + proxy.logs());
        }
    }

    @Test
    void anIpv4TargetMatchesACertificateWhoseCnIsTheAddressWithoutDnsSan() throws Exception {
        NginxProcess.requireBinary();
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), "127.0.0.1", null);
        startUpstream(pki);
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = proxyConfig(prefix, pki, "127.0.0.1:" + upstreamPort);
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(200, get("/x").statusCode(), proxy.logs());
        }
    }

    @Test
    void anIpv4TargetDoesNotMatchAnIpOnlySan() throws Exception {
        NginxProcess.requireBinary();
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), "ip-only.test", "IP:127.0.0.1");
        startUpstream(pki);
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = proxyConfig(prefix, pki, "127.0.0.1:" + upstreamPort);
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(502, get("/x").statusCode());
            assertTrue(proxy.logs().contains("upstream SSL certificate does not match \"127.0.0.1\""), proxy.logs());
        }
    }

    @Test
    void aClientHostAfterSniIsSetReachesTheDefaultServerAndTheHostFixAnswers200() throws Exception {
        NginxProcess.requireBinary();
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), NAME);
        upstreamPort = NginxProcess.freePort();
        proxyPort = NginxProcess.freePort();
        Path upstreamPrefix = Files.createDirectories(dir.resolve("upstream"));
        String upstreamConfig = NginxProcess.mainPreamble(upstreamPrefix)
                + "http {\n" + NginxProcess.httpPreamble(upstreamPrefix)
                + "    ssl_certificate " + pki.serverCertificate() + ";\n"
                + "    ssl_certificate_key " + pki.serverKey() + ";\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + upstreamPort + " ssl default_server;\n"
                + "        return 404;\n"
                + "    }\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + upstreamPort + " ssl;\n"
                + "        server_name " + NAME + ";\n"
                + "        location / { return 200 \"host=$host\\n\"; }\n"
                + "    }\n"
                + "}\n";
        upstream = NginxProcess.start(upstreamPrefix,
                Files.writeString(upstreamPrefix.resolve("nginx.conf"), upstreamConfig), upstreamPort);
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path config = Files.writeString(prefix.resolve("nginx.conf"), NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + "    server {\n"
                + "        listen 127.0.0.1:" + proxyPort + ";\n"
                + "        location / {\n"
                + "            proxy_ssl_server_name on;\n"
                + "            proxy_ssl_name " + NAME + ";\n"
                + "            proxy_ssl_verify on;\n"
                + "            proxy_ssl_trusted_certificate " + pki.caCertificate() + ";\n"
                + "            proxy_set_header Host $host;\n"
                + "            proxy_pass https://127.0.0.1:" + upstreamPort + "/;\n"
                + "        }\n"
                + "    }\n"
                + "}\n");
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(404, get("/x").statusCode(), proxy.logs());
        }
        UpstreamSniEndToEndTest.Cli check = UpstreamSniEndToEndTest.cli("check", config.toString());
        assertTrue(check.out().contains("upstream-host-header-mismatch"), check.out());
        UpstreamSniEndToEndTest.Cli fixed = UpstreamSniEndToEndTest.cli("fix", "--write", config.toString());
        assertEquals(0, fixed.exitCode(), fixed.err());
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            HttpResponse<String> response = get("/x");
            assertEquals(200, response.statusCode(), Files.readString(config) + proxy.logs());
            assertEquals("host=" + NAME + "\n", response.body());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
