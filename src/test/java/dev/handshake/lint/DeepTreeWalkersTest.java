package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.incident.Redactor;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.Parser;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Everything that walks the tree (model, scopes, rules, fixes, redaction) survives the deepest input. */
class DeepTreeWalkersTest {

    private static final Map<String, String> INPUTS = Map.of(
            FixInput.Key.SNI_NAME.id(), "backend.internal.test", FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/certs/ca.pem");

    @Test
    void aSecretInsideABlockWithNoNameIsMasked() {
        Redactor.Result redacted = Redactor.redact("http {\n    { set $password hunter2; }\n}\n");
        assertTrue(!redacted.text().contains("hunter2"), redacted.text());
    }

    @Test
    void nestingAtAndFarPastTheCapIsWalkedByEveryConsumer() {
        for (int levels : new int[] {Parser.MAX_DEPTH - 2, 100_000}) {
            for (boolean closed : new boolean[] {true, false}) {
                String text = "http { server {" + "location / {".repeat(levels)
                        + "proxy_pass https://10.0.0.1; set $password hunter2;"
                        + (closed ? "}".repeat(levels) + "} }\n" : "\n");
                ConfigModel model = ConfigModel.build(new ConfigFile(Path.of("/virtual/nginx.conf"), SourceText.of(text)),
                        ConfigModel.Options.defaults());
                Linter linter = Linter.standard();
                LintResult result = linter.lint(model);
                assertEquals(List.of(), result.of(Linter.INTERNAL_ERROR), "levels " + levels);
                FixApplier.Outcome fixed = FixApplier.fixUntilStable(model, linter, FixApplier.standardPolicy(Set.of(), INPUTS));
                assertEquals(List.of(), fixed.result().of(Linter.INTERNAL_ERROR));
                Redactor.Result redacted = Redactor.redact(text);
                // past the cap the inner text is masked whole: what is not analysed does not leak
                assertTrue(redacted.text().contains(Redactor.MASK) && !redacted.text().contains("hunter2"),
                        "levels " + levels);
                if (levels < Parser.MAX_DEPTH && closed) {
                    // within the cap everything is analysed
                    assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().equals("upstream-sni-off")),
                            result.diagnostics()::toString);
                }
            }
        }
    }
}
