package dev.handshake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import dev.handshake.nginx.ConfigModel;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorLogLocatorTest {

    private static final String CONFIG = String.join("\n",
            "http {",
            "  upstream backend_pool { server 10.0.4.21:443; server 10.0.4.22:443; }",
            "  server {",
            "    server_name gateway.example;",
            "    location /v2/ { proxy_pass https://10.0.4.22:443/v2/; }",
            "    location /pool/ { proxy_pass https://backend_pool; }",
            "    location = /health { proxy_pass https://10.0.4.22; }",
            "  }",
            "  server {",
            "    server_name admin.example;",
            "    location / { proxy_ssl_name admin.internal; proxy_pass https://10.0.4.22; }",
            "  }",
            "  server {",
            "    server_name named.example;",
            "    location /n/ { proxy_pass https://api.example; }",
            "  }",
            "}", "");

    private static final String HANDSHAKE = "2026/11/25 18:01:02 [crit] 1234#1234: *57 SSL_do_handshake() failed "
            + "(SSL: error:0A000458:SSL routines::tlsv1 unrecognized name:SSL alert number 112) while SSL handshaking "
            + "to upstream, client: 192.0.2.10, server: gateway.example, request: \"POST /v2/ingest?x=1 HTTP/1.1\", "
            + "upstream: \"https://10.0.4.22:443/v2/ingest\", host: \"gateway.example\"";

    private static List<String> located(String line) {
        return ErrorLogLocator.locate(TestConfigs.model(CONFIG), line).stream()
                .map(m -> m.connection().scope().describe())
                .collect(Collectors.toList());
    }

    @Test
    void parsesTheFields() {
        ErrorLogLocator.LogLine log = ErrorLogLocator.parse(HANDSHAKE);
        assertEquals("https", log.scheme());
        assertEquals("10.0.4.22", log.peerHost());
        assertEquals("443", log.peerPort());
        assertEquals("/v2/ingest", log.upstreamUri());
        assertEquals("gateway.example", log.server());
        assertEquals("/v2/ingest", log.requestPath());
        assertNull(log.certName());
    }

    @Test
    void handshakeFailureRanksTheLocationThatServesTheRequestFirst() {
        List<String> found = located(HANDSHAKE);
        assertEquals("location /v2/", found.get(0));
        assertTrue(found.containsAll(List.of("location /pool/", "location = /health", "location /")), found.toString());
        assertEquals("location /", found.get(found.size() - 1), "the other server ranks last");
    }

    @Test
    void groupServerMatchesThroughTheGroup() {
        String line = "SSL_do_handshake() failed while SSL handshaking to upstream, client: 1.2.3.4, "
                + "server: gateway.example, request: \"GET /pool/a HTTP/1.1\", upstream: \"https://10.0.4.21:443/pool/a\"";
        List<ErrorLogLocator.Match> matches = ErrorLogLocator.locate(TestConfigs.model(CONFIG), line);
        assertEquals(1, matches.size());
        assertEquals("location /pool/", matches.get(0).connection().scope().describe());
        assertEquals("server 10.0.4.21:443", matches.get(0).via().directive().toString().replace(";", ""));
    }

    @Test
    void certificateMismatchNamesTheVerifiedName() {
        String line = "upstream SSL certificate does not match \"admin.internal\" while SSL handshaking to upstream, "
                + "client: 1.2.3.4, server: admin.example, request: \"GET / HTTP/1.1\", upstream: \"https://10.0.4.22:443/\"";
        assertEquals("location /", located(line).get(0));
    }

    @Test
    void hostNamesAreAWeakGuessOnlyWhenNoAddressMatches() {
        String line = "SSL_do_handshake() failed, server: named.example, request: \"GET /n/x HTTP/1.1\", "
                + "upstream: \"https://93.184.216.34:443/n/x\"";
        assertEquals(List.of("location /n/"), located(line));
    }

    @Test
    void ipv6PeersVariablesAndGrpc() {
        String config = String.join("\n",
                "http { server {",
                "  location /six/ { proxy_pass https://[2001:db8::7]:8443; }",
                "  location /var/ { set $backend 10.9.9.9; proxy_pass https://$backend; }",
                "  location /rpc/ { grpc_pass grpcs://10.9.9.9:50051; }",
                "} }", "");
        ConfigModel model = TestConfigs.model(config);
        List<ErrorLogLocator.Match> six = ErrorLogLocator.locate(model,
                "SSL_do_handshake() failed, upstream: \"https://[2001:db8::7]:8443/six/\"");
        assertEquals(List.of("location /six/"), six.stream().map(m -> m.connection().scope().describe()).toList());
        List<ErrorLogLocator.Match> variable = ErrorLogLocator.locate(model,
                "upstream SSL certificate verify error: (21:unable to verify the first certificate) while SSL "
                        + "handshaking to upstream, upstream: \"https://10.9.9.9:443/var/\"");
        assertEquals("location /var/", variable.get(0).connection().scope().describe());
        List<ErrorLogLocator.Match> grpc = ErrorLogLocator.locate(model,
                "SSL_do_handshake() failed, upstream: \"grpcs://10.9.9.9:50051\"");
        assertEquals(List.of("location /rpc/"), grpc.stream().map(m -> m.connection().scope().describe()).toList());
    }

    @Test
    void aLineWithoutUpstreamFindsNothing() {
        assertFalse(ErrorLogLocator.parse("just some text").hasTarget());
        assertTrue(located("just some text").isEmpty());
    }

    @Test
    void serverNamesAndLocations() {
        assertTrue(ErrorLogLocator.serverNameMatches("*.example.com", "a.example.com"));
        assertTrue(ErrorLogLocator.serverNameMatches(".example.com", "example.com"));
        assertTrue(ErrorLogLocator.serverNameMatches("www.*", "www.example.org"));
        assertTrue(ErrorLogLocator.serverNameMatches("~^api\\d+\\.", "api7.example"));
        assertFalse(ErrorLogLocator.serverNameMatches("a.example", "b.example"));
        assertEquals(Boolean.TRUE, ErrorLogLocator.locationMatches(List.of("~*", "\\.PHP$"), "/x.php"));
        assertEquals(Boolean.FALSE, ErrorLogLocator.locationMatches(List.of("=", "/a"), "/a/b"));
        assertNull(ErrorLogLocator.locationMatches(List.of("@fallback"), "/a"));
    }
}
