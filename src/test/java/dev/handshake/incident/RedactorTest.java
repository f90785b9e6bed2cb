package dev.handshake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static String redact(String text) {
        return Redactor.redact(text).text();
    }

    @Test
    void credentialHeadersKeepQuotesAndComments() {
        String text = String.join("\n",
                "location /api {  # the gateway",
                "    proxy_set_header Authorization \"Bearer abc.def\";",
                "    proxy_set_header Proxy-Authorization 'Basic dXNlcjpwYXNz';",
                "    proxy_set_header Cookie session=42;",
                "    proxy_set_header X-Api-Key k-123;",
                "    proxy_set_header X-Auth-Token tok;",
                "    proxy_set_header Host backend.internal;",
                "    proxy_set_header Authorization $http_authorization;",
                "    more_set_headers \"Authorization: Bearer zzz\" \"X-Frame-Options: DENY\";",
                "}", "");
        String expected = String.join("\n",
                "location /api {  # the gateway",
                "    proxy_set_header Authorization \"[REDACTED]\";",
                "    proxy_set_header Proxy-Authorization '[REDACTED]';",
                "    proxy_set_header Cookie [REDACTED];",
                "    proxy_set_header X-Api-Key [REDACTED];",
                "    proxy_set_header X-Auth-Token [REDACTED];",
                "    proxy_set_header Host backend.internal;",
                "    proxy_set_header Authorization $http_authorization;",
                "    more_set_headers \"Authorization: [REDACTED]\" \"X-Frame-Options: DENY\";",
                "}", "");
        assertEquals(expected, redact(text));
    }

    @Test
    void secretFilesArePathsOnly() {
        String text = String.join("\n",
                "auth_basic_user_file /etc/nginx/.htpasswd;",
                "ssl_password_file /etc/keys/global.pass;",
                "proxy_ssl_password_file \"/etc/keys/up.pass\";",
                "grpc_ssl_password_file /etc/keys/grpc.pass;",
                "ssl_session_ticket_key /etc/keys/ticket.key;",
                "secure_link_secret s3cr3t;",
                "ssl_certificate_key /etc/keys/site.key;",
                "");
        String expected = String.join("\n",
                "auth_basic_user_file [REDACTED];",
                "ssl_password_file [REDACTED];",
                "proxy_ssl_password_file \"[REDACTED]\";",
                "grpc_ssl_password_file [REDACTED];",
                "ssl_session_ticket_key [REDACTED];",
                "secure_link_secret [REDACTED];",
                "ssl_certificate_key /etc/keys/site.key;",
                "");
        assertEquals(expected, redact(text));
    }

    @Test
    void mapsOfTokensLoseKeysAndValuesButKeepKeywords() {
        String text = String.join("\n",
                "map $http_x_api_key $api_client {",
                "    default \"\";",
                "    hostnames;",
                "    \"key-one\" alice;",
                "    key-two bob; # second",
                "}",
                "map $host $backend { default a; b.example b; }",
                "map $proxy_protocol_tlv_authority $sni_seen { default 0; ~. 1; }",
                "");
        String expected = String.join("\n",
                "map $http_x_api_key $api_client {",
                "    default \"[REDACTED]\";",
                "    hostnames;",
                "    \"[REDACTED]\" [REDACTED];",
                "    [REDACTED] [REDACTED]; # second",
                "}",
                "map $host $backend { default a; b.example b; }",
                "map $proxy_protocol_tlv_authority $sni_seen { default 0; ~. 1; }",
                "");
        assertEquals(expected, redact(text));
    }

    @Test
    void valuesNamedLikeSecrets() {
        String text = String.join("\n",
                "set $api_token abc;",
                "set $backend 10.0.0.1;",
                "jwt_secret \"hunter2\";",
                "proxy_pass https://api.example/v1?client=web&access_token=xyz&page=2;",
                "");
        String expected = String.join("\n",
                "set $api_token [REDACTED];",
                "set $backend 10.0.0.1;",
                "jwt_secret \"[REDACTED]\";",
                "proxy_pass https://api.example/v1?client=web&access_token=[REDACTED]&page=2;",
                "");
        assertEquals(expected, redact(text));
    }

    @Test
    void brokenAndEmptyTextsSurvive() {
        assertEquals("", redact(""));
        String broken = "server {\n  proxy_set_header Authorization \"Bearer x\n";
        String out = redact(broken);
        assertFalse(out.contains("Bearer x"), out);
        assertTrue(out.startsWith("server {\n  proxy_set_header Authorization \""), out);
    }

    @Test
    void aBlockWithNoNameKeepsItsDirectivesAndLosesOnlyItsSecrets() {
        String text = "http {\n    { proxy_pass https://admin:hunter2@x.example; }\n    server_name a;\n}\n";
        String out = redact(text);
        assertFalse(out.contains("hunter2"), out);
        assertTrue(out.contains("proxy_pass https://" + Redactor.MASK + "@x.example;"), "only the credentials are masked: " + out);
        assertTrue(out.contains("server_name a;"), out);
        assertEquals(dev.handshake.syntax.Parser.parse(text).tree().detachedBlocks().get(0).directives().size(),
                dev.handshake.syntax.Parser.parse(out).tree().detachedBlocks().get(0).directives().size());
        String clean = text.replace("admin:hunter2@", "");
        assertEquals(clean, redact(clean), "no secret, no change");
    }

    @Test
    void maskedRangesPointIntoTheOriginal() {
        String text = "secure_link_secret abc;\n";
        Redactor.Result result = Redactor.redact(text);
        assertEquals(1, result.masked().size());
        assertEquals("abc", result.masked().get(0).of(text));
    }

    /** Over the corpus: a text without secrets comes back unchanged, and the structure always survives. */
    @Test
    void corpusStructureSurvives() throws IOException {
        List<Path> files = TestConfigs.all();
        int changed = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Redactor.Result result = Redactor.redact(text);
            if (result.masked().isEmpty()) {
                assertEquals(text, result.text(), file.toString());
                continue;
            }
            changed++;
            assertEquals(text.lines().count(), result.text().lines().count(), file.toString());
            assertEquals(dev.handshake.syntax.Parser.parse(text).tree().directives().size(),
                    dev.handshake.syntax.Parser.parse(result.text()).tree().directives().size(), file.toString());
        }
        assertTrue(changed > 0, "some corpus file has a secret to mask");
    }

    private static String masked(String text) {
        return Redactor.redact(text).text();
    }

    @Test
    void everySecretShapeOfTheLeakListIsMasked() {
        // One line per shape; each secret below must be gone from the redacted text.
        String[][] shapes = {
            {"proxy_pass http://admin:PASS1@backend:8080;", "admin:PASS1"},
            {"ssl_certificate_key \"data:-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----\";",
                "MIIEvQIBADANBgkq"},
            {"content_by_lua_block { local api_token = \"LUASECRET1\" ngx.say(api_token) }", "LUASECRET1"},
            {"set_by_lua $x 'local password = \"LUASECRET2\" return password';", "LUASECRET2"},
            {"set $pass hunter2;", "hunter2"},
            {"set $pwd hunter3;", "hunter3"},
            {"set $private_key hunter4;", "hunter4"},
            {"set $upstream_auth \"Basic dXNlcjpwYXNzd29yZA==\";", "dXNlcjpwYXNzd29yZA=="},
            {"if ($arg_token = abc123secret) { return 200; }", "abc123secret"},
            {"proxy_set_header X-Hub-Signature \"sha1=deadbeefcafe\";", "deadbeefcafe"},
            {"auth_jwt_key_file /etc/nginx/jwt/keys.json;", "/etc/nginx/jwt/keys.json"},
            {"proxy_set_header X-Api-Key k3y;", "k3y"},
            {"proxy_set_header Cookie \"sid=0xdeadbeef\";", "0xdeadbeef"},
            {"return 302 https://example.test/?access_token=QSTOKEN1;", "QSTOKEN1"},
            {"add_header X-Debug AKIAIOSFODNN7EXAMPLE;", "AKIAIOSFODNN7EXAMPLE"},
            {"set $x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNlY3JldA;", "eyJhbGciOiJIUzI1NiJ9"},
            {"env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENG;", "wJalrXUtnFEMIK7MDENG"},
            {"env DB_PASS=plainpw;", "plainpw"},
            {"map $host $upstream_id { default x; a.example 8f14e45fceea167a5a36dedd4bea2543aa; }",
                "8f14e45fceea167a5a36dedd4bea2543aa"},
        };
        for (String[] shape : shapes) {
            String out = masked(shape[0]);
            assertFalse(out.contains(shape[1]), () -> shape[0] + " -> " + out);
            assertTrue(out.contains(Redactor.MASK), () -> shape[0] + " -> " + out);
        }
    }

    @Test
    void whatIsNotASecretStays() {
        String text = String.join("\n",
                "proxy_pass https://backend.internal:8443/api/;",
                "proxy_set_header Host $host;",
                "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "set $backend_pool 10.0.0.1;",
                "if ($request_method = POST) { return 405; }",
                "map $uri $new { /very/long/path/that/is/not/a/key/at/all/anywhere /x; }",
                "ssl_certificate /etc/nginx/tls/site.crt;",
                "content_by_lua_block { ngx.say(\"hello\") }",
                "env PATH;");
        assertEquals(text, masked(text));
    }
}
