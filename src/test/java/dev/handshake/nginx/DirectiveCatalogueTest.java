package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
                "name\tmodule\tcontexts\tsyntax\tdefault\tblock\turl\tedition\tsince",
                "demo\tngx_http_demo_module\thttp,server\tdemo on | off;\toff\tno\thttps://nginx.org/#demo\toss\t",
                "demo\tngx_stream_demo_module\tstream-server\tdemo value; || demo;\t\tno\thttps://nginx.org/#demo2\tplus\t"));
        DirectiveSpec demo = parsed.find("demo").orElseThrow();
        assertEquals(2, demo.definitions().size());
        assertEquals(List.of("demo value;", "demo;"), demo.definitions().get(1).syntax());
        assertEquals("", demo.definitions().get(1).defaultValue());
        assertTrue(demo.allowedIn(ScopeKind.STREAM_SERVER));
        assertFalse(demo.allowedIn(ScopeKind.LOCATION));
    }

    @Test
    void aRowForTheSameModuleAmendsContextsEditionAndVersion() {
        DirectiveCatalogue parsed = DirectiveCatalogue.parse(List.of(
                "demo\tngx_http_demo_module\thttp\tdemo on | off;\toff\tno\thttps://nginx.org/#demo\toss\t",
                "demo\tngx_http_demo_module\tlocation\t\t\t\t\t\t1.25.1"));
        DirectiveSpec demo = parsed.find("demo").orElseThrow();
        assertEquals(1, demo.definitions().size());
        DirectiveSpec.Definition amended = demo.definitions().get(0);
        assertEquals(Set.of("http", "location"), amended.contexts());
        assertEquals(List.of("demo on | off;"), amended.syntax());
        assertEquals(NginxEdition.OSS, amended.edition());
        assertEquals(NginxVersion.parse("1.25.1").orElseThrow(), amended.since());
    }

    /** The generated columns and the supplement's versions, as the examples need them. */
    @Test
    void knowsEditionsAndVersions() {
        for (String plusOnly : List.of("ntlm", "health_check", "auth_jwt", "keyval_zone", "status_zone", "state")) {
            DirectiveSpec spec = catalogue.find(plusOnly).orElseThrow();
            assertTrue(spec.definitions().stream().allMatch(d -> d.edition() == NginxEdition.PLUS && d.since() == null),
                    plusOnly + ": " + spec.definitions());
        }
        DirectiveSpec.Definition sticky = catalogue.find("sticky").orElseThrow().definitions().get(0);
        assertEquals(NginxEdition.PLUS, sticky.edition());
        assertEquals("1.29.6", sticky.since().toString(), "in open-source nginx since 1.29.6");
        DirectiveSpec.Definition http2 = catalogue.find("http2").orElseThrow().definitions().get(0);
        assertEquals(NginxEdition.OSS, http2.edition());
        assertEquals("1.25.1", http2.since().toString());
        assertEquals(Set.of("http", "server"), http2.contexts(), "the supplement row amends, it adds no context");
        assertNull(catalogue.find("proxy_ssl_verify").orElseThrow().definitions().get(0).since());
        assertEquals(NginxEdition.OSS, catalogue.find("proxy_pass").orElseThrow().definitions().get(0).edition());
        List<DirectiveCatalogue.ParameterHistory> server = catalogue.parameterHistory("server");
        assertEquals(List.of("ngx_http_upstream_module", "ngx_stream_upstream_module"),
                server.stream().map(DirectiveCatalogue.ParameterHistory::module).toList());
        assertEquals("resolve", server.get(0).parameter());
        assertEquals("1.27.3", server.get(0).since().toString());
    }

    @Test
    void aTargetHasWhatItsEditionAndVersionHave() {
        NginxVersion v1221 = NginxVersion.parse("1.22.1").orElseThrow();
        NginxVersion v1251 = NginxVersion.parse("1.25.1").orElseThrow();
        NginxTarget oss = NginxTarget.defaults();
        NginxTarget old = new NginxTarget(NginxEdition.OSS, v1221);
        NginxTarget plus = new NginxTarget(NginxEdition.PLUS, null);
        NginxTarget oldPlus = new NginxTarget(NginxEdition.PLUS, v1221);
        assertTrue(oss.has(NginxEdition.OSS, v1251), "no version named: judged as the current release");
        assertFalse(old.has(NginxEdition.OSS, v1251));
        assertTrue(new NginxTarget(NginxEdition.OSS, v1251).has(NginxEdition.OSS, v1251));
        assertFalse(oss.has(NginxEdition.PLUS, null));
        assertTrue(plus.has(NginxEdition.PLUS, null));
        assertTrue(oss.has(NginxEdition.PLUS, v1251), "moved to open source");
        assertFalse(old.has(NginxEdition.PLUS, v1251), "still NGINX Plus only in 1.22.1");
        assertTrue(oldPlus.has(NginxEdition.PLUS, v1251), "NGINX Plus had it first");
        assertFalse(oldPlus.has(NginxEdition.OSS, v1251));
        assertTrue(old.missing(NginxEdition.PLUS, null).orElseThrow().plusOnly());
        assertEquals(v1251, old.missing(NginxEdition.PLUS, v1251).orElseThrow().since());
        assertEquals("nginx 1.22.1", old.title());
    }

    @Test
    void versionsAreThreeNumbersComparedAsNumbers() {
        assertEquals(Optional.empty(), NginxVersion.parse("1.x"));
        assertEquals(Optional.empty(), NginxVersion.parse("1.25"));
        assertEquals(Optional.empty(), NginxVersion.parse("1.25.1.2"));
        assertEquals(Optional.empty(), NginxVersion.parse("v1.25.1"));
        assertTrue(NginxVersion.parse("1.9.15").orElseThrow().before(NginxVersion.parse("1.10.0").orElseThrow()));
    }
}
