package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one view of what nginx sends on a connection, read by the rules, the curl check and the log locator. */
class UpstreamTlsTest {

    private static final String CONFIG = String.join("\n",
            "http {",
            "  upstream pool { server 10.0.0.1; server 10.0.0.2:8443; }",
            "  server {",
            "    server_name shop.example;",
            "    location /ip { proxy_pass https://10.0.4.22:8443/v2; proxy_ssl_server_name on; }",
            "    location /named { proxy_pass https://api.example; proxy_ssl_server_name on;",
            "      proxy_ssl_name $proxy_host; proxy_set_header Host $proxy_host; }",
            "    location /pool { proxy_pass https://pool; proxy_ssl_server_name on; proxy_ssl_name api.internal;",
            "      proxy_set_header Host $host; }",
            "    location /off { proxy_pass https://api.example; }",
            "    location /sock { proxy_pass https://unix:/run/app.sock; }",
            "  }",
            "}", "");

    private static List<UpstreamTls> all() {
        return TestConfigs.model(CONFIG).upstreamTls();
    }

    @Test
    void anIpNameIsVerifiedButNeverSentAsSni() {
        UpstreamTls ip = all().get(0);
        assertTrue(ip.sniOn());
        assertEquals("10.0.4.22", ip.verifiedName());
        assertTrue(ip.nameIsAddress());
        assertNull(ip.sniName());
        assertEquals("8443", ip.port());
        assertEquals("10.0.4.22:8443", ip.proxyHost());
        assertEquals("10.0.4.22:8443", ip.hostHeader());
        assertEquals(UpstreamTls.PROXY_HOST, ip.hostValue());
    }

    @Test
    void proxyHostAsTheNameOrHostIsTheTargetWithItsDefaultPort() {
        UpstreamTls named = all().get(1);
        assertEquals(UpstreamTls.PROXY_HOST, named.nameValue());
        assertEquals("api.example", named.verifiedName());
        assertEquals("api.example", named.sniName());
        assertEquals(UpstreamTarget.DEFAULT_PASS_PORT, named.port());
        assertEquals("api.example", named.hostHeader());
        assertFalse(named.namedByAddress());
    }

    @Test
    void aGroupWithANameSendsItButTheClientsHostMissesItUnlessTheServerAnswersToIt() {
        UpstreamTls pool = all().get(2);
        assertEquals(UpstreamTarget.Kind.GROUP, pool.kind());
        assertEquals("api.internal", pool.sniName());
        assertTrue(pool.clientHost());
        assertTrue(pool.hostMisses("api.internal"));
        assertFalse(pool.hostMisses("shop.example"));
        assertEquals("8443", UpstreamTarget.serverPort("10.0.0.2:8443"));
        assertEquals(UpstreamTarget.DEFAULT_SERVER_PORT, UpstreamTarget.serverPort("10.0.0.1"));
    }

    @Test
    void sniOffByDefaultSendsNoNameAndUnixSocketsAreMarked() {
        UpstreamTls off = all().get(3);
        assertFalse(off.sniOn());
        assertTrue(off.sniSource().isEmpty());
        assertNull(off.sniName());
        assertEquals("api.example", off.verifiedName());
        assertTrue(all().get(4).unixSocket());
    }

    @Test
    void theViewIsBuiltOncePerModelAndOnlyForItsConnections() {
        ConfigModel model = TestConfigs.model(CONFIG);
        UpstreamConnection first = model.upstreamConnections().get(0);
        assertTrue(model.upstreamTls(first) == model.upstreamTls().get(0));
        UpstreamConnection foreign = TestConfigs.model(CONFIG).upstreamConnections().get(0);
        assertThrows(IllegalArgumentException.class, () -> model.upstreamTls(foreign));
    }
}
