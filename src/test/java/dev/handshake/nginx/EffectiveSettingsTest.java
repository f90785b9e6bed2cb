package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

    static ConfigModel model(String text) {
        return dev.handshake.TestConfigs.model(text);
    }

    private static Scope location(ConfigModel model, String path) {
        return model.scopes(ScopeKind.LOCATION).stream()
                .filter(s -> s.directive().args().contains(path)).findFirst().orElseThrow();
    }

    private static final String CONFIG = String.join("\n",
            "http {",
            "    proxy_ssl_verify on;",
            "    proxy_set_header X-From http;",
            "    server {",
            "        proxy_ssl_server_name on;",
            "        proxy_set_header X-Real-IP $remote_addr;",
            "        proxy_set_header X-Proto https;",
            "        location /inherits/ { proxy_pass https://a; }",
            "        location /own/ {",
            "            proxy_ssl_verify off;",
            "            proxy_set_header Host b.example;",
            "            proxy_pass https://b;",
            "            location /own/nested/ { }",
            "            if ($arg_x) { proxy_pass https://c; }",
            "            limit_except GET { deny all; }",
            "        }",
            "    }",
            "}", "");

    @Test
    void ordinaryDirectivesOverrideWhereSetAndInheritOtherwise() {
        ConfigModel m = model(CONFIG);
        EffectiveSettings s = m.settings();
        Scope inherits = location(m, "/inherits/");
        Scope own = location(m, "/own/");
        assertTrue(s.isOn(inherits, "proxy_ssl_verify", false));
        assertFalse(s.isOn(own, "proxy_ssl_verify", false));
        assertTrue(s.isOn(own, "proxy_ssl_server_name", false));
        assertEquals(ScopeKind.HTTP, s.origin(inherits, "proxy_ssl_verify").orElseThrow().kind());
        assertEquals("off", s.value(location(m, "/own/nested/"), "proxy_ssl_verify", "?"));
        assertEquals("1", s.value(own, "proxy_ssl_verify_depth", "1"));
    }

    @Test
    void arrayDirectivesInheritOnlyWhenTheLowerLevelHasNone() {
        ConfigModel m = model(CONFIG);
        EffectiveSettings s = m.settings();
        List<String> inherited = s.effectiveAll(location(m, "/inherits/"), "proxy_set_header").stream()
                .map(st -> st.directive().arg(0)).collect(Collectors.toList());
        assertEquals(List.of("X-Real-IP", "X-Proto"), inherited);
        List<String> own = s.effectiveAll(location(m, "/own/"), "proxy_set_header").stream()
                .map(st -> st.directive().arg(0)).collect(Collectors.toList());
        assertEquals(List.of("Host"), own);
    }

    @Test
    void ifAndLimitExceptTakeTheirLocationsValues() {
        ConfigModel m = model(CONFIG);
        EffectiveSettings s = m.settings();
        Scope ifScope = m.scopes(ScopeKind.IF).get(0);
        Scope limit = m.scopes(ScopeKind.LIMIT_EXCEPT).get(0);
        assertFalse(s.isOn(ifScope, "proxy_ssl_verify", true));
        assertEquals("b.example", s.effectiveAll(limit, "proxy_set_header").get(0).directive().arg(1));
        assertEquals(location(m, "/own/"), ifScope.settingsHome());
    }

    @Test
    void passIsNotInheritedByNestedLocationsButIsByIfAndLimitExcept() {
        ConfigModel m = model(CONFIG);
        EffectiveSettings s = m.settings();
        assertTrue(s.pass(location(m, "/own/nested/"), "proxy_pass").isEmpty());
        assertEquals("https://c", s.pass(m.scopes(ScopeKind.IF).get(0), "proxy_pass").orElseThrow().directive().arg(0));
        assertEquals("https://b", s.pass(m.scopes(ScopeKind.LIMIT_EXCEPT).get(0), "proxy_pass")
                .orElseThrow().directive().arg(0));
    }
}
