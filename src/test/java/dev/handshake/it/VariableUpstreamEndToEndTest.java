package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "connections hidden behind variables", against real nginx (127.0.0.1 only) and an upstream
 * that serves {@value #NAME} by SNI only: a whole URL in a {@code set} or a {@code map} value is a TLS
 * connection that sends no SNI; a group name followed by {@code $request_uri} is still that group and
 * sends its name as SNI; and a pass with a variable makes {@code nginx -t} check the TLS settings
 * whatever its scheme. Each time Handshake reports it, and its fix makes nginx answer 200 (or pass -t).
 */
class VariableUpstreamEndToEndTest {

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
        upstream = NginxProcess.startSniOnlyUpstream(dir.resolve("upstream"), pki, NAME, upstreamPort,
                "sni=$ssl_server_name");
    }

    @AfterEach
    void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private Path proxyConfig(String name, String httpLevel, String location) throws IOException {
        Path prefix = Files.createDirectories(dir.resolve(name));
        return Files.writeString(prefix.resolve("nginx.conf"), NginxProcess.mainPreamble(prefix)
                + "http {\n" + NginxProcess.httpPreamble(prefix)
                + httpLevel
                + "    server {\n"
                + "        listen 127.0.0.1:" + proxyPort + ";\n"
                + "        location / {\n"
                + location
                + "        }\n"
                + "    }\n"
                + "}\n");
    }

    /** The broken config answers 502 after a refused handshake; check reports {@code rule}; the fix answers 200 with SNI. */
    private void brokenThenFixed(Path config, String rule) throws Exception {
        Path prefix = config.getParent();
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(502, get("/x").statusCode(), proxy.logs());
            assertTrue(proxy.logs().contains("SSL_do_handshake() failed"), proxy.logs());
        }
        UpstreamSniEndToEndTest.Cli check = UpstreamSniEndToEndTest.cli("check", config.toString());
        assertEquals(1, check.exitCode(), check.out());
        assertTrue(check.out().contains(rule), check.out());

        UpstreamSniEndToEndTest.Cli fixed = UpstreamSniEndToEndTest.cli("fix", "--write", "--sni-name", NAME,
                config.toString());
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            HttpResponse<String> response = get("/x");
            assertEquals(200, response.statusCode(), Files.readString(config) + proxy.logs());
            assertEquals("sni=" + NAME + "\n", response.body());
        }
    }

    @Test
    void aWholeHttpsUrlInASetSendsNoSniAndTheFixAnswers200() throws Exception {
        Path config = proxyConfig("set", "",
                "            set $backend \"https://127.0.0.1:" + upstreamPort + "\";\n"
                        + "            proxy_pass $backend;\n");
        brokenThenFixed(config, "upstream-sni-off");
    }

    @Test
    void aWholeHttpsUrlInAMapSendsNoSniAndTheFixAnswers200() throws Exception {
        Path config = proxyConfig("map",
                "    map $arg_tenant $backend {\n"
                        + "        default https://127.0.0.1:" + upstreamPort + ";\n"
                        + "    }\n",
                "            proxy_pass $backend;\n");
        brokenThenFixed(config, "upstream-sni-off");
    }

    @Test
    void aGroupNameBeforeRequestUriIsTheGroupAndSendsItsNameAsSni() throws Exception {
        Path config = proxyConfig("group",
                "    upstream backend_pool {\n"
                        + "        server 127.0.0.1:" + upstreamPort + ";\n"
                        + "    }\n",
                "            proxy_ssl_server_name on;\n"
                        + "            proxy_pass https://backend_pool$request_uri;\n");
        Path prefix = config.getParent();
        try (NginxProcess proxy = NginxProcess.start(prefix, config, proxyPort)) {
            assertEquals(502, get("/x").statusCode(), proxy.logs());
            assertTrue(proxy.logs().contains("SSL_do_handshake() failed"), proxy.logs());
            assertFalse(proxy.logs().contains("no resolver defined"), proxy.logs());
        }
        brokenThenFixed(config, "upstream-sni-name-unusable");
    }

    /** Why Handshake treats {@code https://group:PORT$uri} as a host name: nginx's run-time lookup matches no group then. */
    @Test
    void aGroupNameWithAPortInAVariableUrlIsNotTheGroupButAHostToResolve() throws Exception {
        Path config = proxyConfig("group-port",
                "    upstream backend_pool {\n"
                        + "        server 127.0.0.1:" + upstreamPort + ";\n"
                        + "    }\n",
                "            proxy_pass https://backend_pool:" + upstreamPort + "$request_uri;\n");
        try (NginxProcess proxy = NginxProcess.start(config.getParent(), config, proxyPort)) {
            assertEquals(502, get("/x").statusCode(), proxy.logs());
            assertTrue(proxy.logs().contains("no resolver defined to resolve backend_pool"), proxy.logs());
        }
    }

    @Test
    void aPlainHttpPassWithAVariableMakesNginxCheckTheVerifySettings() throws Exception {
        Path config = proxyConfig("verify", "    proxy_ssl_verify on;\n",
                "            proxy_pass http://$host:" + upstreamPort + ";\n");
        Path prefix = config.getParent();
        NginxProcess.TestResult broken = NginxProcess.test(prefix, config);
        assertEquals(1, broken.exitCode(), broken.output());
        assertTrue(broken.output().contains("no proxy_ssl_trusted_certificate for proxy_ssl_verify"), broken.output());

        UpstreamSniEndToEndTest.Cli check = UpstreamSniEndToEndTest.cli("check", config.toString());
        assertTrue(check.out().contains("upstream-verify-without-ca"), check.out());
        UpstreamSniEndToEndTest.Cli fixed = UpstreamSniEndToEndTest.cli("fix", "--write", "--trusted-ca",
                pki.caCertificate().toString(), config.toString());
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
        NginxProcess.TestResult after = NginxProcess.test(prefix, config);
        assertEquals(0, after.exitCode(), Files.readString(config) + after.output());
    }

    @Test
    void aClientCertificateWithoutKeyOnAPlainHttpPassWithAVariableFailsNginxTest() throws Exception {
        Path config = proxyConfig("client-cert", "",
                "            proxy_ssl_certificate " + pki.serverCertificate() + ";\n"
                        + "            proxy_pass http://$host:" + upstreamPort + ";\n");
        NginxProcess.TestResult broken = NginxProcess.test(config.getParent(), config);
        assertEquals(1, broken.exitCode(), broken.output());
        assertTrue(broken.output().contains("no \"proxy_ssl_certificate_key\" is defined"), broken.output());
        UpstreamSniEndToEndTest.Cli check = UpstreamSniEndToEndTest.cli("check", config.toString());
        assertTrue(check.out().contains("upstream-client-cert-incomplete"), check.out());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return NginxProcess.get(proxyPort, path);
    }
}
