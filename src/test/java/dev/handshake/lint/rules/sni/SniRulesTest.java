package dev.handshake.lint.rules.sni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.report.RuleDocs;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SNI rules beyond what fixtures show: docs, related places, fix titles, inputs and includes. */
class SniRulesTest {

    private static final List<String> IDS = List.of("upstream-sni-off", "upstream-sni-name-unusable",
            "upstream-sni-name-ignored", "upstream-host-header-mismatch");

    private static LintResult lint(String text) {
        ConfigModel model = ConfigModel.build(new ConfigFile(Path.of("/virtual/nginx.conf"), SourceText.of(text)),
                ConfigModel.Options.defaults());
        return Linter.standard().lint(model);
    }

    private static final String POOL = String.join("\n",
            "http {",
            "    upstream backend_pool {",
            "        server api-1.internal.example:8443;",
            "        server api-2.internal.example:8443;",
            "        server 10.0.0.3:8443;",
            "    }",
            "    server {",
            "        server_name _ *.example.com shop.example.com;",
            "        location / {",
            "            proxy_set_header Host www.example.org:443;",
            "            proxy_pass https://backend_pool;",
            "        }",
            "    }",
            "}", "");

    @Test
    void everyRuleIsRegisteredAndDocumented() {
        for (String id : IDS) {
            assertTrue(Rules.meta(id).isPresent(), id + " not in Rules.all()");
            // the doc's format is RuleDocsTest's; here only what these rules' docs must never say
            String doc = RuleDocs.markdown(id).orElseThrow(() -> new AssertionError("no doc for " + id));
            assertFalse(doc.contains("ssl_verify off"), id);
        }
    }

    @Test
    void groupFindingNamesTheGroupAndSuggestsRankedNames() {
        Diagnostic d = lint(POOL).of("upstream-sni-off").get(0);
        assertTrue(d.message().contains("takes down all 3 servers of upstream backend_pool together"), d.message());
        assertTrue(d.related().stream().anyMatch(r -> r.message().startsWith("upstream backend_pool (3 servers)")),
                d.related().toString());
        Fix fix = d.fixes().get(0);
        assertEquals(Applicability.NEEDS_INPUT, fix.applicability());
        assertEquals("Send SNI: add `proxy_ssl_server_name on;`, `proxy_ssl_name NAME;` and"
                + " `proxy_set_header Host NAME;`", fix.title());
        FixInput input = fix.input(FixInput.Key.SNI_NAME).orElseThrow();
        assertEquals(List.of("api-1.internal.example", "api-2.internal.example", "internal.example",
                "www.example.org", "shop.example.com"), input.candidates());
    }

    @Test
    void hostnameTargetIsSafeAndNoFixTurnsVerificationOff() {
        LintResult result = lint(String.join("\n",
                "server {",
                "    location / { proxy_pass https://api.example.com; }",
                "    location /b/ { proxy_ssl_name b.example.com; proxy_pass https://10.1.1.1; }",
                "}", ""));
        Fix fix = result.of("upstream-sni-off").get(0).fixes().get(0);
        assertEquals(Applicability.SAFE, fix.applicability());
        assertEquals("Send SNI: add `proxy_ssl_server_name on;`", fix.title());
        Fix named = result.of("upstream-sni-off").get(1).fixes().get(0);
        assertEquals("Send SNI: add `proxy_ssl_server_name on;` and `proxy_set_header Host b.example.com;`",
                named.title());
        for (Diagnostic d : result.diagnostics()) {
            for (Fix f : d.fixes()) {
                for (FileEdit e : f.edits(Map.of(FixInput.Key.SNI_NAME.id(), "x.example", FixInput.Key.REASON.id(), "test"))) {
                    assertFalse(e.edit().newText().contains("verify off"), f.title());
                }
            }
        }
    }

    @Test
    void theNameTheConfigAlreadySendsToTheSameTargetIsSuggestedFirst() {
        LintResult result = lint(String.join("\n",
                "server {",
                "    server_name shop.example.com;",
                "    location /a/ {",
                "        proxy_pass https://10.0.4.22;",
                "        proxy_ssl_server_name on;",
                "        proxy_ssl_name api.internal.example;",
                "    }",
                "    location /b/ { proxy_pass https://10.0.4.22; }",
                "    location /c/ { proxy_pass https://10.9.9.9; proxy_set_header Host other.example; }",
                "}", ""));
        Diagnostic b = result.of("upstream-sni-off").stream()
                .filter(d -> d.message().contains("10.0.4.22")).findFirst().orElseThrow();
        FixInput input = b.fixes().get(0).input(FixInput.Key.SNI_NAME).orElseThrow();
        assertEquals(List.of("api.internal.example", "shop.example.com"), input.candidates(),
                "location /a/ already names 10.0.4.22 api.internal.example; /c/'s Host is for another target");
    }

    @Test
    void withoutAnyCandidateANeedsInputFixChangesNothingUntilGivenAName() {
        Diagnostic d = lint("server { location / { proxy_pass https://10.0.4.22; } }\n").of("upstream-sni-off").get(0);
        Fix fix = d.fixes().get(0);
        assertTrue(fix.input(FixInput.Key.SNI_NAME).orElseThrow().candidates().isEmpty());
        assertTrue(fix.edits().isEmpty());
        assertEquals(1, fix.edits(Map.of(FixInput.Key.SNI_NAME.id(), "a.example")).size());
    }

    @Test
    void commonParentNeedsTwoHostsAndTwoLabels() {
        assertEquals("internal.example", SniNames.commonParent(List.of("a.internal.example", "b.internal.example")));
        assertEquals(null, SniNames.commonParent(List.of("a.internal.example")));
        assertEquals(null, SniNames.commonParent(List.of("a.example", "b.example")));
        assertEquals(null, SniNames.commonParent(List.of("a.example.com", "example.com")));
    }

    @Test
    void offWrittenInAnIncludedFileIsFixedThere(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tls.inc"), "proxy_ssl_server_name off;\nproxy_ssl_verify on;\n");
        Path main = dir.resolve("nginx.conf");
        Files.writeString(main, String.join("\n",
                "server {",
                "    location /a/ { include tls.inc; proxy_pass https://a.example.net; }",
                "    location /b/ {",
                "        include tls.inc;",
                "        proxy_pass https://b.example.net;",
                "    }",
                "}", ""));
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        Linter linter = Linter.standard();
        List<Diagnostic> found = linter.lint(model).of("upstream-sni-off");
        assertEquals(1, found.size(), found.toString());
        assertEquals(dir.resolve("tls.inc").toAbsolutePath().normalize(), found.get(0).file());
        assertEquals(2, found.get(0).related().size());
        FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, linter,
                FixApplier.standardPolicy(Set.of("upstream-sni-off"), Map.of()));
        assertEquals(Set.of(dir.resolve("tls.inc").toAbsolutePath().normalize()), outcome.changed().keySet());
        assertEquals("proxy_ssl_server_name on;\nproxy_ssl_verify on;\n",
                outcome.changed().values().iterator().next());
        assertTrue(outcome.result().of("upstream-sni-off").isEmpty());
    }

    @Test
    void everySniFindingOfAConfigIsFixedByItsOwnFixAlone() {
        List<String> fixedRules = new ArrayList<>();
        for (String id : IDS) {
            ConfigModel model = ConfigModel.build(new ConfigFile(Path.of("/virtual/nginx.conf"), SourceText.of(POOL
                    .replace("proxy_pass https://backend_pool;", "proxy_pass https://backend_pool; proxy_ssl_name a.example;"))),
                    ConfigModel.Options.defaults());
            FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, Linter.standard(),
                    FixApplier.standardPolicy(Set.of(id), Map.of(FixInput.Key.SNI_NAME.id(), "api.internal.example")));
            assertTrue(outcome.result().of(id).isEmpty(), id + " left: " + outcome.result().of(id));
            if (outcome.changedAnything()) {
                fixedRules.add(id);
            }
        }
        assertEquals(List.of("upstream-sni-off", "upstream-sni-name-ignored", "upstream-host-header-mismatch"),
                fixedRules);
    }
}
