package dev.handshake.lint.rules.directives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Fix;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the fixtures cannot say: fix safety per suggestion, and the user's extra directive names. */
class UnknownDirectiveTest {

    private static List<Diagnostic> lint(String text, LintOptions options) {
        ConfigModel model = ConfigModel.build(new ConfigFile(Path.of("/virtual/site.conf"), SourceText.of(text)),
                ConfigModel.Options.defaults().withContext(ScopeKind.LOCATION));
        return new Linter(List.of(new UnknownDirective()), options).lint(model).diagnostics().stream()
                .filter(d -> d.rule().equals("unknown-directive")).collect(Collectors.toList());
    }

    private static List<String> renames(Diagnostic d) {
        return d.fixes().stream().filter(f -> f.title().startsWith("Rename"))
                .map(f -> f.title() + " " + f.applicability().label()).collect(Collectors.toList());
    }

    @Test
    void renameIsSafeOnlyOneEditAwayAndAllowedHere() {
        List<Diagnostic> found = lint("proxy_ssl_verfy on;\nproxy_ssl_vrfy on;\nlistne 80;\nuwsgi_modifier 1;\n",
                LintOptions.defaults());
        assertEquals(4, found.size());
        assertEquals(List.of("Rename to `proxy_ssl_verify` safe"), renames(found.get(0)));
        assertEquals(List.of("Rename to `proxy_ssl_verify` unsafe"), renames(found.get(1)));
        assertEquals(List.of("Rename to `listen` unsafe"), renames(found.get(2)), "listen is not allowed in a location");
        assertEquals(List.of(), renames(found.get(3)), "two equally close names");
        assertEquals("unknown directive \"uwsgi_modifier\"; did you mean \"uwsgi_modifier1\" or \"uwsgi_modifier2\"?",
                found.get(3).message());
        Fix safe = found.get(0).fixes().get(0);
        assertEquals(Applicability.SAFE, safe.applicability());
        assertEquals("proxy_ssl_verify", safe.edits().get(0).edit().newText());
        assertEquals(0, safe.edits().get(0).edit().range().start());
        assertEquals(15, safe.edits().get(0).edit().range().end());
    }

    @Test
    void extraDirectivesFromTheOptionsAreAccepted() {
        String text = "f5_metrics_marker a;\nf5_metrics_markr b;\n";
        assertEquals(2, lint(text, LintOptions.defaults()).size());
        List<Diagnostic> found = lint(text, LintOptions.defaults().withExtraDirectives(Set.of("f5_metrics_marker")));
        assertEquals(1, found.size());
        assertEquals("unknown directive \"f5_metrics_markr\"; did you mean \"f5_metrics_marker\"?", found.get(0).message());
        assertEquals(List.of("Rename to `f5_metrics_marker` safe"), renames(found.get(0)));
    }
}
