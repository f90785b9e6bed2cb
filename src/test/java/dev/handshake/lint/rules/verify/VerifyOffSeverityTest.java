package dev.handshake.lint.rules.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.report.RuleDocs;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: {@code upstream-verify-off} reports two severities; its metadata (what {@code handshake
 * rules} lists and SARIF's rule descriptions carry) and its doc name both, and the default
 * severity is the stronger one, the written {@code off}.
 */
class VerifyOffSeverityTest {

    @Test
    void metadataAndDocNameBothSeveritiesTheFindingsUse() throws Exception {
        Path conf = Path.of(getClass().getResource("/fixtures/upstream-verify-off/private-ca-kept.conf").toURI());
        Set<Severity> seen = new TreeSet<>();
        for (Diagnostic d : Linter.standard().lint(ConfigModel.load(conf, ConfigModel.Options.defaults())).diagnostics()) {
            if (d.rule().equals("upstream-verify-off")) {
                seen.add(d.severity());
            }
        }
        assertEquals(Set.of(Severity.ERROR, Severity.WARNING), seen);
        RuleMeta meta = new UpstreamVerifyOff().meta();
        assertEquals(Severity.ERROR, meta.defaultSeverity());
        assertTrue(meta.summary().contains("error where `off` is written, warning where off is only nginx's default"),
                meta.summary());
        String doc = RuleDocs.markdown(meta.id()).orElseThrow();
        assertTrue(doc.contains("error reported once on that directive") && doc.contains("it is a warning on the `*_pass`"), doc);
    }
}
