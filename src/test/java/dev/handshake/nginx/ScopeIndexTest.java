package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large scope answers "its directives named X" from an index (the 60 MB row of issue 13: the SNI
 * fix asked the http block of every location, 375,000 servers scanned per location): the same
 * statements in the same order as a scan, a fresh list each time, and a statement added later is seen.
 */
class ScopeIndexTest {

    private static ConfigModel model(String text) {
        return ConfigModel.build(new ConfigFile(Path.of("/etc/nginx/nginx.conf"), SourceText.of(text)),
                ConfigModel.Options.defaults());
    }

    @Test
    void aLargeScopeAnswersByNameAsAScanWould() {
        StringBuilder text = new StringBuilder("http {\n");
        for (int i = 0; i < 40; i++) {
            text.append("server { listen ").append(8000 + i).append("; }\n");
            if (i % 10 == 3) {
                text.append("proxy_ssl_server_name ").append(i % 20 == 3 ? "on" : "off").append(";\n");
            }
        }
        text.append("}\n");
        Scope http = model(text.toString()).scopes(ScopeKind.HTTP).get(0);
        for (String name : List.of("server", "proxy_ssl_server_name", "absent")) {
            List<Statement> scanned = http.statements().stream().filter(s -> s.name().equals(name)).toList();
            assertEquals(scanned, http.statements(name), name);
        }
        assertEquals(List.of("on", "off", "on", "off"), http.statements("proxy_ssl_server_name").stream()
                .map(s -> s.directive().arg(0)).toList(), "in reading order");
        assertNotSame(http.statements("server"), http.statements("server"));
        http.statements("server").clear();
        assertEquals(40, http.statements("server").size(), "a caller's list is its own");

        Statement extra = http.statements("server").get(0);
        http.add(new Statement(extra.directive(), extra.file(), http));
        assertEquals(41, http.statements("server").size(), "a statement added after a question is seen");
    }
}
