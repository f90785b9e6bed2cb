package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.FixApplier;
import dev.handshake.lint.Linter;
import dev.handshake.nginx.ConfigModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, against real nginx (targets are local so {@code nginx -t} resolves them): a {@code proxy_ssl_server_name} or {@code proxy_ssl_name} whose argument
 * count nginx refuses (none, or a missing {@code ;} that joined the next line) makes {@code nginx -t}
 * fail; the "Send SNI" fix replaces it rather than adding a second copy, and the fixed file passes.
 */
class BrokenSniDirectiveFixNginxTest {

    @TempDir
    Path dir;

    private String config(String lines) {
        return NginxProcess.mainPreamble(dir)
                + "http {\n" + NginxProcess.httpPreamble(dir)
                + "    server {\n        listen 127.0.0.1:9;\n"
                + "        location / {\n" + lines + "\n        }\n    }\n}\n";
    }

    @Test
    void theVerifyFixRewritesAnArgumentLessTrustedCertificate() throws Exception {
        NginxProcess.requireBinary();
        String input = "            proxy_ssl_trusted_certificate ;\n            proxy_pass https://localhost:9443;";
        Path file = Files.writeString(dir.resolve("nginx.conf"), config(input));
        NginxProcess.TestResult before = NginxProcess.test(dir, file);
        assertEquals(1, before.exitCode(), before.output());
        ConfigModel model = ConfigModel.load(file, ConfigModel.Options.defaults());
        FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, Linter.standard(),
                FixApplier.standardPolicy(Set.of("upstream-verify-off"),
                        Map.of("trusted-ca", "/etc/ssl/certs/ca-certificates.crt")));
        String fixed = outcome.changed().get(model.main().path());
        assertTrue(fixed != null, "no fix applied");
        assertEquals(1, fixed.split("proxy_ssl_trusted_certificate", -1).length - 1, fixed);
        Files.writeString(file, fixed);
        NginxProcess.TestResult after = NginxProcess.test(dir, file);
        assertEquals(0, after.exitCode(), fixed + "\n" + after.output());
    }

    @Test
    void theFixedFilePassesNginxTest() throws Exception {
        NginxProcess.requireBinary();
        List<String> inputs = List.of(
                "            proxy_ssl_server_name ;\n            proxy_pass https://localhost:9443;",
                "            proxy_ssl_server_name ;\n            proxy_ssl_name ;\n            proxy_pass https://10.0.0.12:9443;",
                "            proxy_ssl_server_name off\n            proxy_ssl_verify off;\n            proxy_pass https://localhost:9443;");
        for (String input : inputs) {
            Path file = Files.writeString(dir.resolve("nginx.conf"), config(input));
            NginxProcess.TestResult before = NginxProcess.test(dir, file);
            assertEquals(1, before.exitCode(), input + "\n" + before.output());
            assertTrue(before.output().contains("invalid number of arguments"), before.output());

            ConfigModel model = ConfigModel.load(file, ConfigModel.Options.defaults());
            FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, Linter.standard(),
                    FixApplier.standardPolicy(Set.of("upstream-sni-off"), Map.of("sni-name", "api.internal.example")));
            String fixed = outcome.changed().get(model.main().path());
            assertTrue(fixed != null, "no fix applied for\n" + input);
            assertEquals(1, fixed.split("proxy_ssl_server_name", -1).length - 1, fixed);
            assertTrue(fixed.contains("proxy_ssl_server_name on;"), fixed);
            Files.writeString(file, fixed);
            NginxProcess.TestResult after = NginxProcess.test(dir, file);
            assertEquals(0, after.exitCode(), fixed + "\n" + after.output());
        }
    }
}
