package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curl check and the error-log locator over the bundled example and small configs. */
class IncidentsTest {

    private static final Path FILE = Path.of("incident.conf").toAbsolutePath();

    private static ConfigModel model(String text) {
        return ConfigModel.build(new ConfigFile(FILE, SourceText.of(text)), ConfigModel.Options.defaults());
    }

    private static String example() throws IOException {
        try (InputStream in = IncidentsTest.class.getResourceAsStream("/examples/gateway.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(String text, String needle) {
        return text.indexOf(needle);
    }

    @Test
    void curlForAGroupWithoutSniUsesTheFirstServerAddress() throws IOException {
        String text = example();
        ConfigModel model = model(text);
        int at = lineOf(text, "proxy_pass https://backend_pool");
        UpstreamConnection c = Incidents.connectionAt(model, FILE, at, at, text.indexOf('\n', at)).orElseThrow();
        assertEquals("# nginx sends no SNI here\ncurl -v --insecure https://10.0.4.21:443/", Incidents.curlCheck(model, c));
    }

    @Test
    void curlWithSniResolvesTheNameToTheAddress() {
        String text = "http { server { location /v2/ {\n"
                + "    proxy_pass https://10.0.4.22:8443/v2/;\n"
                + "    proxy_ssl_server_name on; proxy_ssl_name api.internal; proxy_ssl_verify on;\n"
                + "    proxy_ssl_trusted_certificate /etc/nginx/ca.pem;\n} } }\n";
        ConfigModel model = model(text);
        int inside = text.indexOf("proxy_ssl_verify");
        UpstreamConnection c = Incidents.connectionAt(model, FILE, inside, inside, inside).orElseThrow();
        assertEquals("curl -v --resolve api.internal:8443:10.0.4.22 --cacert /etc/nginx/ca.pem https://api.internal:8443/v2/",
                Incidents.curlCheck(model, c));
    }

    @Test
    void errorLogLineFindsEveryBlockThatProxiesThere() throws IOException {
        String text = example();
        ConfigModel model = model(text);
        String log = "2026/11/25 03:12:44 [error] 81#81: *1 SSL_do_handshake() failed (SSL: error:0A000458:SSL routines::"
                + "tlsv1 unrecognized name:SSL alert number 112) while SSL handshaking to upstream, client: 10.1.1.1, "
                + "server: api.example.com, request: \"POST /v2/ingest HTTP/1.1\", upstream: \"https://10.0.4.22:443/v2/ingest\"";
        List<UpstreamConnection> found = Incidents.locate(model, log);
        assertEquals(List.of("proxy_pass https://backend_pool", "proxy_pass https://10.0.4.22:443"),
                found.stream().map(c -> c.pass().directive().name() + " " + c.pass().directive().arg(0)).toList());
        List<UpstreamConnection> byName = Incidents.locate(model,
                "upstream SSL certificate does not match \"backend_pool\" while SSL handshaking to upstream");
        assertEquals(1, byName.size());
        assertEquals("https://backend_pool", byName.get(0).pass().directive().arg(0));
    }
}
