package dev.handshake.lint.rules.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixInput;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The verification fixes beyond the first one the fixtures apply: baseline hardening, suggestions. */
class VerifyFixesTest {

    private static final Path FILE = Path.of("/virtual/nginx.conf");

    private static LintResult lint(String text, LintOptions options) {
        ConfigModel model = ConfigModel.build(new ConfigFile(FILE, SourceText.of(text)), ConfigModel.Options.defaults());
        return Linter.standard(options).lint(model);
    }

    private static Fix fix(Diagnostic d, String titleStart) {
        return d.fixes().stream().filter(f -> f.title().startsWith(titleStart)).findFirst().orElseThrow();
    }

    private static String apply(String text, Fix fix, Map<String, String> inputs) {
        List<TextEdit> edits = fix.edits(inputs).stream().map(FileEdit::edit).collect(Collectors.toList());
        return TextEdit.apply(text, edits);
    }

    private static final String CONFIG = String.join("\n",
            "http {",
            "    server {",
            "        location /a/ {",
            "            proxy_pass https://a.example.com;",
            "        }",
            "        location /b/ {",
            "            proxy_ssl_verify off;",
            "            proxy_pass https://b.example.com;",
            "        }",
            "    }",
            "}",
            "");

    @Test
    void hardenTheBaselineWritesVerificationOnceAtHttpLevel() {
        LintResult first = lint(CONFIG, LintOptions.defaults());
        Diagnostic defaulted = first.of("upstream-verify-off").get(0);
        String hardened = apply(CONFIG, fix(defaulted, "Harden the baseline"), Map.of(FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/ca.pem"));
        assertEquals(CONFIG.replace("http {\n", "http {\n    proxy_ssl_verify on;\n"
                + "    proxy_ssl_trusted_certificate /etc/ssl/ca.pem;\n    proxy_ssl_verify_depth 2;\n"), hardened,
                "verify, CA and depth once at the top of http; the written off below is left to its own finding");

        LintResult second = lint(hardened, LintOptions.defaults());
        List<Diagnostic> left = second.of("upstream-verify-off");
        assertEquals(1, left.size(), "only the written off is left: " + left);
        String both = apply(hardened, fix(left.get(0), "Harden the baseline"), Map.of(FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/ca.pem"));
        assertEquals(hardened.replace("proxy_ssl_verify off;", "proxy_ssl_verify on;"), both,
                "the baseline is already there: only the written off turns on");
        assertEquals(List.of(), lint(both, LintOptions.defaults()).of("upstream-verify-off"));
    }

    @Test
    void streamBaselineGoesToTheStreamBlock() {
        String stream = String.join("\n",
                "stream {",
                "    proxy_ssl on;",
                "    server {",
                "        listen 5432;",
                "        proxy_ssl_verify off;",
                "        proxy_pass db.example.com:5432;",
                "    }",
                "}",
                "");
        Diagnostic off = lint(stream, LintOptions.defaults()).of("upstream-verify-off").get(0);
        String hardened = apply(stream, fix(off, "Harden the baseline: verify every upstream from the stream block"),
                Map.of(FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/db-ca.pem"));
        assertEquals(stream.replace("stream {\n", "stream {\n    proxy_ssl_verify on;\n"
                + "    proxy_ssl_trusted_certificate /etc/ssl/db-ca.pem;\n    proxy_ssl_verify_depth 2;\n")
                .replace("proxy_ssl_verify off;", "proxy_ssl_verify on;"), hardened);
        assertEquals(List.of(), lint(hardened, LintOptions.defaults()).of("upstream-verify-off"));
    }

    @Test
    void caSuggestionsRankWrittenThenConfiguredThenSystem() {
        String text = CONFIG.replace("location /a/ {", "location /a/ {\n            grpc_ssl_trusted_certificate /etc/ssl/grpc-ca.pem;");
        Diagnostic d = lint(text, LintOptions.defaults().withDefaultTrustedCa("/etc/ssl/team-ca.pem"))
                .of("upstream-verify-off").get(0);
        FixInput ca = fix(d, "Verify the upstream").input(FixInput.Key.TRUSTED_CA).orElseThrow();
        assertEquals(List.of("/etc/ssl/grpc-ca.pem", "/etc/ssl/team-ca.pem", LintOptions.SYSTEM_CA_BUNDLE), ca.candidates());
    }

    @Test
    void fragmentsWithoutHttpBlockGetNoBaselineFix() {
        String fragment = "location / {\n    proxy_pass https://a.example.com;\n}\n";
        Diagnostic d = lint(fragment, LintOptions.defaults()).of("upstream-verify-off").get(0);
        assertTrue(d.fixes().stream().noneMatch(f -> f.title().startsWith("Harden")), d.fixes().toString());
    }

    @Test
    void clientCertificatePartnersComeFromTheOtherFilesName() {
        assertEquals(List.of("/etc/c/x.key"), UpstreamClientCertIncomplete.partners("/etc/c/x.crt", true));
        assertEquals(List.of("/etc/c/x-key.pem", "/etc/c/x-cert.key", "/etc/c/x-cert.pem"),
                UpstreamClientCertIncomplete.partners("/etc/c/x-cert.pem", true));
        assertEquals(List.of("/le/privkey.pem", "/le/fullchain.key", "/le/fullchain.pem"),
                UpstreamClientCertIncomplete.partners("/le/fullchain.pem", true));
        assertEquals(List.of("x.crt", "x.pem"), UpstreamClientCertIncomplete.partners("x.key", false));
        assertEquals(List.of("/le/fullchain.pem", "/le/cert.pem", "/le/privkey.crt", "/le/privkey.pem"),
                UpstreamClientCertIncomplete.partners("/le/privkey.pem", false));
    }
}
