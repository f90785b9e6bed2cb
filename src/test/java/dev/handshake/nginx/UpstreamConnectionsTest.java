package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UpstreamConnectionsTest {

    private static List<String> found(String text) {
        return EffectiveSettingsTest.model(text).upstreamConnections().stream()
                .map(c -> c.family() + " " + c.target().kind() + " " + c.target().defaultName()
                        + (c.target().port() != null ? ":" + c.target().port() : ""))
                .collect(Collectors.toList());
    }

    @Test
    void everyFamilyAndOnlyTls() {
        String text = String.join("\n",
                "http {",
                "  upstream pool { server api-1.example:443; server 10.0.0.2:443; }",
                "  server {",
                "    location /a { proxy_pass https://10.0.4.22:443/v2/ingest; }",
                "    location /b { proxy_pass HTTPS://pool; }",
                "    location /c { proxy_pass http://plain.example; }",
                "    location /d { grpc_pass grpcs://grpc.example:50051; }",
                "    location /e { grpc_pass grpc://plain; }",
                "    location /f { uwsgi_pass suwsgi://[::1]:9000; }",
                "    location /g { proxy_pass https://unix:/run/app.sock; }",
                "    location /h { return 200 \"proxy_pass https://x\"; }",
                "    # location /i { proxy_pass https://commented; }",
                "  }",
                "}",
                "stream {",
                "  proxy_ssl on;",
                "  upstream db { server db.example:5432; }",
                "  server { listen 5432; proxy_pass db; }",
                "  server { listen 5433; proxy_ssl off; proxy_pass plain:1; }",
                "}", "");
        assertEquals(List.of(
                "PROXY IP 10.0.4.22:443",
                "PROXY GROUP pool",
                "GRPC HOSTNAME grpc.example:50051",
                "UWSGI IP [::1]:9000",
                "PROXY UNIX unix:/run/app.sock",
                "STREAM GROUP db"), found(text));
    }

    @Test
    void variableSchemesFromSetOrEachHttpsEntryOfAMap() {
        String text = String.join("\n",
                "http {",
                "  map $host $proto_by_map { default https; a.example https; }",
                "  map $host $mixed { default https; b.example http; }",
                "  server {",
                "    location /a {",
                "      set $upstream_app budge; set $upstream_port 443; set $upstream_proto https;",
                "      proxy_pass $upstream_proto://$upstream_app:$upstream_port;",
                "    }",
                "    location /b { set $upstream_proto http; proxy_pass $upstream_proto://app:80; }",
                "    location /c { proxy_pass $proto_by_map://c.example; }",
                "    location /d { proxy_pass $mixed://d.example; }",
                "    location /e { proxy_pass ${unknown}://e.example; }",
                "  }",
                "}", "");
        assertEquals(List.of("PROXY VARIABLE budge:$upstream_port", "PROXY HOSTNAME c.example",
                "PROXY HOSTNAME d.example"), found(text));
    }

    @Test
    void aWholeUrlInAVariableIsFollowedToEachLiteralValueOfItsSetsAndMap() {
        String text = String.join("\n",
                "http {",
                "  upstream pool { server 10.0.0.2:443; }",
                "  map $host $backend { default https://api.internal; b.example http://plain; c.example https://pool; }",
                "  map $host $grpc_backend { default grpcs://10.0.0.9:50051; }",
                "  server {",
                "    set $srv https://server-level.example;",
                "    location /a { set $b \"https://10.0.0.12:9443\"; proxy_pass $b; }",
                "    location /b { proxy_pass $backend; }",
                "    location /c { grpc_pass $grpc_backend; }",
                "    location /d { set $b https://first.example; set $b http://last; proxy_pass $b; }",
                "    location /e { set $b http://plain; if ($arg_x) { set $b https://in-if.example; } proxy_pass $b; }",
                "    location /f { proxy_pass $srv; }",
                "    location /g { set $b $other; proxy_pass $b; }",
                "    location /h { proxy_pass $never_set; }",
                "    location /i { set $b https://pool; proxy_pass $b$request_uri; }",
                "  }",
                "}", "");
        assertEquals(List.of(
                "PROXY IP 10.0.0.12:9443",
                "PROXY HOSTNAME api.internal",
                "PROXY GROUP pool",
                "GRPC IP 10.0.0.9:50051",
                "PROXY HOSTNAME in-if.example",
                "PROXY HOSTNAME server-level.example",
                "PROXY GROUP pool"), found(text));
        List<UpstreamConnection> all = EffectiveSettingsTest.model(text).upstreamConnections();
        assertEquals("set", all.get(0).via().name());
        assertEquals("https://10.0.0.12:9443", all.get(0).viaValue());
        assertEquals("default", all.get(1).via().name());
        assertEquals("proxy_pass $backend in location /b ($backend = https://api.internal)", all.get(1).describe());
    }

    @Test
    void aLiteralHostBeforeAPathVariableStillNamesItsGroup() {
        String text = String.join("\n",
                "http {",
                "  upstream storage_origin { server 10.0.0.2:443; }",
                "  server {",
                "    location /a { proxy_pass https://storage_origin$uri; }",
                "    location /b { proxy_pass https://storage_origin$request_uri; }",
                "    location /c { proxy_pass https://storage_origin$is_args$args; }",
                "    location /d { proxy_pass https://api.example${uri}; }",
                "    location /e { proxy_pass https://storage_origin:8443$uri; }",
                "    location /f { proxy_pass https://storage_origin$suffix; }",
                "  }",
                "}", "");
        assertEquals(List.of(
                "PROXY GROUP storage_origin",
                "PROXY GROUP storage_origin",
                "PROXY GROUP storage_origin",
                "PROXY HOSTNAME api.example",
                "PROXY HOSTNAME storage_origin:8443",
                "PROXY VARIABLE storage_origin$suffix"), found(text));
    }

    @Test
    void everyPassWithAVariableThatIsNotKnownTlsIsAVariablePass() {
        ConfigModel model = EffectiveSettingsTest.model(String.join("\n",
                "http {",
                "  server {",
                "    location /a { proxy_pass http://$host:9446; }",
                "    location /b { proxy_pass $unknown; }",
                "    location /c { proxy_pass https://$host; }",
                "    location /d { proxy_pass http://static.example; }",
                "    location /e { grpc_pass grpc://$host:50051; }",
                "    location /f { set $b http://plain; proxy_pass $b; }",
                "  }",
                "}", ""));
        assertEquals(List.of("proxy_pass http://$host:9446", "proxy_pass $unknown", "grpc_pass grpc://$host:50051",
                        "proxy_pass $b"),
                model.variablePasses().stream().map(c -> c.pass().name() + " " + c.pass().directive().arg(0)).toList());
        assertEquals(1, model.upstreamConnections().size());
    }

    @Test
    void connectionsShareASessionKeyPerFamilyAndUpstreamWithTheDefaultPortFilledIn() {
        List<UpstreamConnection> all = EffectiveSettingsTest.model(String.join("\n",
                "http {",
                "  upstream pool { server 10.0.0.1; }",
                "  server {",
                "    location /a { proxy_pass https://api.example; }",
                "    location /b { proxy_pass https://api.example:443/v2; }",
                "    location /c { proxy_pass https://api.example:8443; }",
                "    location /d { grpc_pass grpcs://api.example; }",
                "    location /e { proxy_pass https://pool; }",
                "  }",
                "}", "")).upstreamConnections();
        List<UpstreamConnection.SessionKey> keys = all.stream().map(UpstreamConnection::sessionKey).toList();
        assertEquals(new UpstreamConnection.SessionKey(TlsFamily.PROXY, "api.example:443"), keys.get(0));
        assertEquals(keys.get(0), keys.get(1));
        assertEquals("api.example:8443", keys.get(2).upstream());
        assertEquals(new UpstreamConnection.SessionKey(TlsFamily.GRPC, "api.example:443"), keys.get(3));
        assertEquals("upstream pool", keys.get(4).upstream());
    }
}
