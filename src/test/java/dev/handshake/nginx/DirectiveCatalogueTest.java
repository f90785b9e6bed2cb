package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectiveCatalogueTest {

    private final DirectiveCatalogue catalogue = DirectiveCatalogue.standard();

    @Test
    void loadsTheGeneratedCatalogueOnce() {
        assertSame(catalogue, DirectiveCatalogue.standard());
        assertTrue(catalogue.all().size() > 700, "directives: " + catalogue.all().size());
        DirectiveSpec verify = catalogue.find("proxy_ssl_verify").orElseThrow();
        DirectiveSpec.Definition http = verify.definitionIn(ScopeKind.LOCATION).orElseThrow();
        assertEquals("ngx_http_proxy_module", http.module());
        assertEquals("off", http.defaultValue());
        assertEquals(List.of("proxy_ssl_verify on | off;"), http.syntax());
        assertFalse(http.block());
        assertEquals("https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_verify", http.docUrl());
        assertEquals(3, catalogue.find("return").orElseThrow().definitions().get(0).syntax().size());
        assertTrue(catalogue.find("location").orElseThrow().block());
    }

    @Test
    void knowsDocumentedUndocumentedAndThirdPartyNames() {
        assertTrue(catalogue.isKnown("proxy_pass"));
        assertTrue(catalogue.isKnown("post_action"));
        assertTrue(catalogue.isKnown("content_by_lua_block"));
        assertTrue(catalogue.isKnown("more_set_headers"));
        assertTrue(catalogue.isKnown("passenger_enabled"));
        assertFalse(catalogue.isKnown("proxy_ssl_verfy"));
        assertFalse(catalogue.isKnown("f5_metrics_marker"));
        assertEquals(Optional.empty(), catalogue.find("more_set_headers"));
    }

    @Test
    void noThirdPartyFamilyCoversADocumentedDirective() {
        List<String> overlap = catalogue.all().stream().map(DirectiveSpec::name).filter(catalogue::isThirdParty).toList();
        assertEquals(List.of(), overlap);
    }

    @Test
    void mergesModulesThatShareAName() {
        DirectiveSpec pass = catalogue.find("proxy_pass").orElseThrow();
        assertEquals(List.of("ngx_http_proxy_module", "ngx_stream_proxy_module"), pass.modules());
        assertEquals(Set.of("location", "if-in-location", "limit-except", "stream-server"), pass.contexts());
        assertEquals(Optional.of("ngx_http_proxy_module"), pass.moduleIn(ScopeKind.LOCATION));
        assertEquals(Optional.of("ngx_stream_proxy_module"), pass.moduleIn(ScopeKind.STREAM_SERVER));
        assertEquals("proxy_pass address;", pass.definitionIn(ScopeKind.STREAM_SERVER).orElseThrow().syntax().get(0));
        assertTrue(catalogue.allowedIn("proxy_pass", ScopeKind.IF));
        assertTrue(catalogue.allowedIn("proxy_pass", ScopeKind.LIMIT_EXCEPT));
        assertFalse(catalogue.allowedIn("proxy_pass", ScopeKind.SERVER));
        assertFalse(catalogue.allowedIn("proxy_pass", ScopeKind.STREAM));

        DirectiveSpec certificate = catalogue.find("ssl_certificate").orElseThrow();
        assertEquals(List.of("ngx_http_ssl_module", "ngx_mail_ssl_module", "ngx_stream_ssl_module"), certificate.modules());
        assertEquals(Optional.of("ngx_mail_ssl_module"), certificate.moduleIn(ScopeKind.MAIL_SERVER));
        assertFalse(certificate.allowedIn(ScopeKind.LOCATION));

        assertTrue(catalogue.allowedIn("server", ScopeKind.UPSTREAM));
        assertTrue(catalogue.allowedIn("server", ScopeKind.STREAM_UPSTREAM));
        assertFalse(catalogue.find("server").orElseThrow().definitionIn(ScopeKind.UPSTREAM).orElseThrow().block());
        assertTrue(catalogue.allowedIn("include", ScopeKind.EVENTS));
        assertTrue(catalogue.allowedIn("error_log", ScopeKind.STREAM_SERVER));
    }

    @Test
    void theSupplementWidensContextsTheDocsUnderstate() {
        assertTrue(catalogue.allowedIn("fastcgi_split_path_info", ScopeKind.HTTP));
        assertTrue(catalogue.allowedIn("secure_link_secret", ScopeKind.SERVER));
        assertTrue(catalogue.allowedIn("post_action", ScopeKind.IF));
        assertFalse(catalogue.allowedIn("post_action", ScopeKind.LIMIT_EXCEPT));
    }

    @Test
    void upstreamTlsDirectivesBelongInHttpServerAndLocationOnly() {
        int checked = 0;
        for (DirectiveSpec spec : catalogue.all()) {
            if (!spec.name().startsWith("proxy_ssl_") || !spec.modules().contains("ngx_http_proxy_module")) {
                continue;
            }
            checked++;
            for (ScopeKind allowed : List.of(ScopeKind.HTTP, ScopeKind.SERVER, ScopeKind.LOCATION)) {
                assertTrue(spec.allowedIn(allowed), spec.name() + " in " + allowed);
            }
            for (ScopeKind refused : List.of(ScopeKind.IF, ScopeKind.LIMIT_EXCEPT, ScopeKind.UPSTREAM, ScopeKind.MAIN)) {
                assertFalse(spec.allowedIn(refused), spec.name() + " in " + refused);
            }
        }
        assertTrue(checked >= 15, "http proxy_ssl_* directives: " + checked);
        assertTrue(catalogue.allowedIn("proxy_ssl_alpn", ScopeKind.STREAM_SERVER), "a stream-only one");
    }

    @Test
    void tellsAnIfInAServerFromOneInALocation() throws Exception {
        ConfigModel model = ConfigModel.build(new ConfigFile(java.nio.file.Path.of("/virtual/nginx.conf"),
                        dev.handshake.text.SourceText.of("server { if ($a) { } location / { if ($b) { } } }\n")),
                ConfigModel.Options.defaults().withContext(ScopeKind.HTTP));
        List<Scope> ifs = model.scopes(ScopeKind.IF);
        DirectiveSpec pass = catalogue.find("proxy_pass").orElseThrow();
        DirectiveSpec rewrite = catalogue.find("rewrite").orElseThrow();
        assertFalse(pass.allowedIn(ifs.get(0)));
        assertTrue(pass.allowedIn(ifs.get(1)));
        assertTrue(rewrite.allowedIn(ifs.get(0)));
        assertTrue(rewrite.allowedIn(ifs.get(1)));
    }

    @Test
    void suggestsClosestNamesFirstAtMostThree() {
        assertEquals(List.of("proxy_ssl_verify"), catalogue.suggestions("proxy_ssl_verfy"));
        assertEquals(List.of("proxy_ssl_verify", "proxy_ssl_crl"), catalogue.suggestions("proxy_ssl_vrfy"));
        assertEquals("proxy_ssl_verify", catalogue.clearSuggestion("proxy_ssl_vrfy").orElseThrow().name());
        assertEquals(2, catalogue.clearSuggestion("proxy_ssl_vrfy").orElseThrow().distance());
        assertEquals(List.of("listen"), catalogue.suggestions("listne"));
        assertEquals(List.of(), catalogue.suggestions("proxy_frobnicate"));
        assertTrue(catalogue.suggestions("ssl").size() <= 3);
        assertEquals(List.of("uwsgi_modifier1", "uwsgi_modifier2"), catalogue.suggestions("uwsgi_modifier"));
        assertEquals(Optional.empty(), catalogue.clearSuggestion("uwsgi_modifier"), "two names one edit away");
    }

    @Test
    void extraNamesAreKnownAllowedAnywhereAndSuggested() {
        DirectiveCatalogue extended = catalogue.withExtraNames(Set.of("f5_metrics_marker"));
        assertTrue(extended.isKnown("f5_metrics_marker"));
        assertTrue(extended.allowedIn("f5_metrics_marker", ScopeKind.LOCATION));
        assertEquals(List.of("f5_metrics_marker"), extended.suggestions("f5_metric_marker"));
        assertFalse(catalogue.isKnown("f5_metrics_marker"));
        assertSame(catalogue, catalogue.withExtraNames(Set.of()));
    }

    @Test
    void parsesMultiModuleRowsIntoOneSpec() {
        DirectiveCatalogue parsed = DirectiveCatalogue.parse(List.of(
                "# comment",
                "name\tmodule\tcontexts\tsyntax\tdefault\tblock\turl",
                "demo\tngx_http_demo_module\thttp,server\tdemo on | off;\toff\tno\thttps://nginx.org/#demo",
                "demo\tngx_stream_demo_module\tstream-server\tdemo value; || demo;\t\tno\thttps://nginx.org/#demo2"));
        DirectiveSpec demo = parsed.find("demo").orElseThrow();
        assertEquals(2, demo.definitions().size());
        assertEquals(List.of("demo value;", "demo;"), demo.definitions().get(1).syntax());
        assertEquals("", demo.definitions().get(1).defaultValue());
        assertTrue(demo.allowedIn(ScopeKind.STREAM_SERVER));
        assertFalse(demo.allowedIn(ScopeKind.LOCATION));
    }
}
