package dev.handshake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CurlCheckTest {

    private static final Path FILE = Path.of("/virtual/nginx.conf");

    /** The check for the connection whose {@code proxy_pass} line contains {@code marker}. */
    private static String check(String text, String marker, String ca) {
        ConfigModel model = TestConfigs.model(text);
        UpstreamConnection c = CurlCheck.at(model, FILE, text.indexOf(marker)).orElseThrow();
        return CurlCheck.build(model, c, ca);
    }

    @Test
    void ipTargetWithNameResolvesTheNameToTheIp() {
        String text = String.join("\n",
                "http { server {",
                "  location /ingest/ {",
                "    proxy_ssl_server_name on; proxy_ssl_name api.internal.example;",
                "    proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/nginx/ca.pem;",
                "    proxy_set_header Host api.internal.example;",
                "    proxy_pass https://10.0.4.22:443/v2/ingest;",
                "  }",
                "} }", "");
        assertEquals(String.join("\n",
                "# proxy_pass https://10.0.4.22:443/v2/ingest in location /ingest/",
                "# SNI nginx sends: api.internal.example (from proxy_ssl_name)",
                "curl -sv --resolve api.internal.example:443:10.0.4.22 --cacert /etc/nginx/ca.pem"
                        + " https://api.internal.example:443/v2/ingest", ""),
                check(text, "proxy_pass", "/other/ca.pem"));
    }

    @Test
    void sniOffSaysSoAndUsesTheIpUrl() {
        String text = String.join("\n",
                "http { server {",
                "  location /api/ { proxy_ssl_verify off; proxy_pass https://10.0.4.22; }",
                "} }", "");
        String out = check(text, "proxy_pass", "/etc/ssl/certs/ca-certificates.crt");
        assertEquals(String.join("\n",
                "# proxy_pass https://10.0.4.22 in location /api/",
                "# nginx sends no SNI here (proxy_ssl_server_name off)",
                "# nginx does not verify this certificate (proxy_ssl_verify off); these commands do",
                "curl -sv --cacert /etc/ssl/certs/ca-certificates.crt https://10.0.4.22:443/api/", ""), out);
    }

    @Test
    void groupGetsOneLinePerServerWithDefaultPort80() {
        String text = String.join("\n",
                "http {",
                "  upstream backend_pool { server 10.0.4.21:443; server 10.0.4.22; server api-3.example:8443; }",
                "  proxy_ssl_server_name on;",
                "  server { location / { proxy_pass https://backend_pool; } }",
                "}", "");
        String out = check(text, "proxy_pass", null);
        assertEquals(String.join("\n",
                "# proxy_pass https://backend_pool in location /",
                "# SNI nginx sends: backend_pool (from proxy_pass host)",
                "# nginx does not verify this certificate (proxy_ssl_verify off); these commands do",
                "curl -sv --resolve backend_pool:443:10.0.4.21 https://backend_pool:443/",
                "curl -sv --resolve backend_pool:80:10.0.4.22 https://backend_pool:80/",
                "curl -sv --connect-to backend_pool:8443:api-3.example:8443 https://backend_pool:8443/", ""), out);
    }

    @Test
    void ipNameWithSniOnIsStillNoSniAndHostHeaderIsReproduced() {
        String text = String.join("\n",
                "http {",
                "  upstream pool { server 10.1.1.1:443; }",
                "  server { location /x { proxy_ssl_server_name on; proxy_ssl_name 10.9.9.9; proxy_pass https://pool; } }",
                "}", "");
        String out = check(text, "location /x", null);
        assertTrue(out.contains("# nginx sends no SNI here: the name is the IP address 10.9.9.9"), out);
        assertTrue(out.contains("curl -sv -H 'Host: pool' https://10.1.1.1:443/x"), out);
    }

    @Test
    void hostnameWithoutSniNeedsOpenssl() {
        String text = "http { server { location / { proxy_pass https://api.example:8443/; } } }\n";
        String out = check(text, "proxy_pass", "/ca.pem");
        assertTrue(out.contains("openssl s_client -connect api.example:8443 -noservername -CAfile /ca.pem"), out);
    }

    @Test
    void streamAndGrpcFamilies() {
        String stream = String.join("\n",
                "stream { server { listen 5432; proxy_ssl on; proxy_ssl_server_name on;",
                "  proxy_ssl_name db.example; proxy_pass 10.2.2.2:5432; } }", "");
        assertTrue(check(stream, "proxy_pass", null).contains(
                "openssl s_client -connect 10.2.2.2:5432 -servername db.example -verify_return_error"));
        String grpc = "http { server { location / { grpc_ssl_server_name on; grpc_pass grpcs://g.example:50051; } } }\n";
        assertTrue(check(grpc, "grpc_pass", null).contains("curl -sv --http2 https://g.example:50051/"));
    }

    @Test
    void caretFindsTheEnclosingConnectionOnly() {
        String text = "http { server { listen 80; location / { proxy_pass https://a.example; } } }\n";
        ConfigModel model = TestConfigs.model(text);
        assertTrue(CurlCheck.at(model, FILE, text.indexOf("listen")).isPresent(), "the server holds it");
        assertTrue(CurlCheck.at(model, FILE, 0).isPresent(), "the http block holds it");
        assertTrue(CurlCheck.at(model, FILE, text.length()).isEmpty(), "after the last brace");
        assertTrue(CurlCheck.at(model, Path.of("/elsewhere.conf"), 10).isEmpty());
    }
}
