package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    static final String CLEAN = "http {\n    server {\n        listen 80;\n    }\n}\n";
    static final String BROKEN = "http {\n    server {\n        listen 80\n    }\n}\n";
    static final String MISSING_INCLUDE = "http {\n    include missing.conf;\n}\n";
    static final String HTTPS = "http {\n    server {\n        location / {\n            proxy_pass https://10.0.0.1;\n"
            + "        }\n    }\n}\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void cleanFileExitsZero() throws IOException {
        write("clean.conf", CLEAN);
        CliHarness.Run run = CliHarness.run(dir, "check", "clean.conf");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        assertEquals("1 file checked: 0 errors, 0 warnings, 0 infos\n", run.err());
    }

    @Test
    void errorFindingExitsOneWithCompilerStyleLine() throws IOException {
        write("broken.conf", BROKEN);
        CliHarness.Run run = CliHarness.run(dir, "check", "broken.conf");
        assertEquals(1, run.exit());
        assertEquals("broken.conf:4:5: error: unexpected \"}\" [syntax-error]\n", run.out());
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws IOException {
        write("warn.conf", MISSING_INCLUDE);
        assertEquals(0, CliHarness.run(dir, "check", "warn.conf").exit());
        assertEquals(0, CliHarness.run(dir, "check", "--fail-on", "error", "warn.conf").exit());
        CliHarness.Run run = CliHarness.run(dir, "check", "--fail-on=warning", "warn.conf");
        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("warn.conf:2:5: warning: included file "), run.out());
        assertTrue(run.out().endsWith(" [include-not-found]\n"), run.out());
    }

    @Test
    void disabledRuleIsNotReported() throws IOException {
        write("broken.conf", BROKEN);
        CliHarness.Run run = CliHarness.run(dir, "check", "--disable", "syntax-error", "broken.conf");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void missingPathExitsTwoNamingIt() {
        CliHarness.Run run = CliHarness.run(dir, "check", "nope.conf");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: nope.conf: no such file\n"), run.err());
    }

    @Test
    void notARegularFileExitsTwo() {
        CliHarness.Run run = CliHarness.run(dir, "check", "/dev/null");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: /dev/null: is not a regular file\n"), run.err());
    }

    @Test
    void unreadableFileExitsTwo() throws IOException {
        Path locked = write("locked.conf", CLEAN);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as a user who can read anything");
        CliHarness.Run run = CliHarness.run(dir, "check", "locked.conf");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: locked.conf: permission denied\n"), run.err());
    }

    @Test
    void directoryMeansItsConfFilesRecursivelySorted() throws IOException {
        write("b.conf", BROKEN);
        write("sub/a.conf", BROKEN);
        write("notes.txt", "not a config {");
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "json", ".");
        assertEquals(1, run.exit(), run.err());
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertEquals(List.of("b.conf", "sub/a.conf"), texts(files, "file"));
    }

    @Test
    void emptyDirectoryIsAnInputError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        CliHarness.Run run = CliHarness.run(dir, "check", "empty");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("empty: no *.conf files"), run.err());
    }

    @Test
    void binaryFileExitsTwo() throws IOException {
        Files.write(dir.resolve("blob.conf"), new byte[] {0, 1, 2, 3, 'x'});
        CliHarness.Run run = CliHarness.run(dir, "check", "blob.conf");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: blob.conf: is a binary file"), run.err());
    }

    @Test
    void oneBadFileAmongGoodOnesIsReportedAndTheRestChecked() throws IOException {
        write("a.conf", CLEAN);
        Files.write(dir.resolve("b.conf"), new byte[] {0, 0, 0});
        write("c.conf", BROKEN);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "json", "a.conf", "b.conf", "c.conf", "d.conf");
        assertEquals(2, run.exit());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(List.of("ok", "error", "ok", "error"), texts(root.get("files"), "status"));
        assertEquals("b.conf: is a binary file, not a text config", root.get("files").get(1).get("error").asText());
        assertEquals("d.conf: no such file", root.get("files").get(3).get("error").asText());
        assertEquals(List.of("c.conf"), texts(root.get("findings"), "file"));
        assertEquals(2, run.err().lines().count(), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        write("a.conf", CLEAN);
        for (String[] args : List.of(new String[] {"check", "--frmat", "json", "a.conf"},
                new String[] {"check", "--format", "xml", "a.conf"},
                new String[] {"check", "--fail-on", "info", "a.conf"},
                new String[] {"check", "--context", "stream", "a.conf"},
                new String[] {"check", "--map-path", "nothing", "a.conf"},
                new String[] {"check", "--disable", "no-such-rule", "a.conf"},
                new String[] {"check"},
                new String[] {"chekc", "a.conf"},
                new String[] {})) {
            CliHarness.Run run = CliHarness.run(dir, args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertEquals("", run.out(), String.join(" ", args));
        }
        assertTrue(CliHarness.run(dir, "check", "--frmat", "json").err().contains("did you mean --format?"));
        assertTrue(CliHarness.run(dir, "chekc").err().contains("did you mean check?"));
    }

    @Test
    void contextAndPathMappingsAreUsed() throws IOException {
        write("frag.conf", "location / {\n    include /config/nginx/proxy.conf;\n}\n");
        write("local/proxy.conf", "proxy_set_header Host $host;\n");
        CliHarness.Run unmapped = CliHarness.run(dir, "check", "--fail-on", "warning", "--context", "server", "frag.conf");
        assertEquals(1, unmapped.exit(), unmapped.out());
        CliHarness.Run mapped = CliHarness.run(dir, "check", "--fail-on", "warning", "--context", "server",
                "--map-path", "/config/nginx=local", "frag.conf");
        assertEquals(0, mapped.exit(), mapped.out());
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        write("site.conf", HTTPS);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "json", "site.conf");
        assertEquals(1, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(Set.of("version", "files", "findings"), keys(root));
        assertEquals(1, root.get("version").intValue());
        JsonNode file = root.get("files").get(0);
        assertEquals(Set.of("file", "status"), keys(file));
        assertEquals("site.conf", file.get("file").textValue());
        assertEquals("ok", file.get("status").textValue());

        JsonNode findings = root.get("findings");
        assertEquals(2, findings.size());
        for (JsonNode finding : findings) {
            assertEquals(Set.of("rule", "severity", "file", "line", "column", "endLine", "endColumn", "message",
                    "related", "fixes"), keys(finding));
            for (String text : List.of("rule", "severity", "file", "message")) {
                assertTrue(finding.get(text).isTextual(), text);
            }
            for (String number : List.of("line", "column", "endLine", "endColumn")) {
                assertTrue(finding.get(number).isInt(), number);
            }
            assertTrue(finding.get("related").isArray());
            assertTrue(finding.get("fixes").isArray());
        }
        JsonNode sni = findings.get(1);
        assertEquals(CliHarness.SNI_RULE, sni.get("rule").textValue());
        assertEquals("error", sni.get("severity").textValue());
        assertEquals(List.of(4, 13, 4, 41), List.of(sni.get("line").intValue(), sni.get("column").intValue(),
                sni.get("endLine").intValue(), sni.get("endColumn").intValue()));
        JsonNode related = sni.get("related").get(0);
        assertEquals(Set.of("file", "line", "column", "message"), keys(related));
        assertEquals(3, related.get("line").intValue());
        assertEquals(9, related.get("column").intValue());
        assertEquals("in this block", related.get("message").textValue());

        JsonNode fix = sni.get("fixes").get(0);
        assertEquals(Set.of("title", "applicability", "edits"), keys(fix));
        assertEquals("safe", fix.get("applicability").textValue());
        JsonNode edit = fix.get("edits").get(0);
        assertEquals(Set.of("file", "line", "column", "endLine", "endColumn", "newText"), keys(edit));
        assertEquals("site.conf", edit.get("file").textValue());
        assertEquals(List.of(5, 1, 5, 1), List.of(edit.get("line").intValue(), edit.get("column").intValue(),
                edit.get("endLine").intValue(), edit.get("endColumn").intValue()));
        assertEquals("            proxy_ssl_server_name on;\n", edit.get("newText").textValue());
        JsonNode suppress = sni.get("fixes").get(1);
        assertEquals("needs-input", suppress.get("applicability").textValue());
        assertEquals(0, suppress.get("edits").size(), "no edits without a reason to write");

        JsonNode ca = findings.get(0);
        assertEquals(CliHarness.CA_RULE, ca.get("rule").textValue());
        assertEquals("warning", ca.get("severity").textValue());
        assertEquals("needs-input", ca.get("fixes").get(0).get("applicability").textValue());
        assertEquals("            proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n",
                ca.get("fixes").get(0).get("edits").get(0).get("newText").textValue());
    }

    @Test
    void sarifIsValidForCodeScanning() throws IOException {
        write("site.conf", HTTPS);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "sarif", "site.conf");
        assertEquals(1, run.exit(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals("2.1.0", root.get("version").textValue());
        assertTrue(root.get("$schema").textValue().endsWith("sarif-2.1.0.json"));
        JsonNode run0 = root.get("runs").get(0);
        JsonNode driver = run0.get("tool").get("driver");
        assertEquals("handshake", driver.get("name").textValue());
        assertTrue(driver.get("version").isTextual());
        assertTrue(driver.get("informationUri") == null, "no made-up home page");
        List<String> ruleIds = texts(driver.get("rules"), "id");
        assertTrue(ruleIds.containsAll(List.of("syntax-error", CliHarness.SNI_RULE, CliHarness.CA_RULE)), ruleIds.toString());
        for (JsonNode rule : driver.get("rules")) {
            assertTrue(rule.get("shortDescription").get("text").isTextual());
            assertTrue(rule.get("fullDescription").get("text").isTextual());
            assertTrue(rule.get("help").get("text").isTextual());
        }
        JsonNode documented = driver.get("rules").get(ruleIds.indexOf(CliHarness.SNI_RULE));
        assertEquals("Test-only rule of the CLI tests: flags an HTTPS `proxy_pass` without `proxy_ssl_server_name`.",
                documented.get("fullDescription").get("text").textValue());
        assertTrue(documented.get("help").get("markdown").textValue().startsWith("# cli-test-sni\n"));
        assertEquals("error", documented.get("defaultConfiguration").get("level").textValue());
        JsonNode undocumented = driver.get("rules").get(ruleIds.indexOf(CliHarness.CA_RULE));
        assertEquals("No CA for an HTTPS upstream.", undocumented.get("fullDescription").get("text").textValue());
        assertEquals("No CA for an HTTPS upstream.", undocumented.get("help").get("text").textValue());
        JsonNode results = run0.get("results");
        assertEquals(2, results.size());
        JsonNode sni = results.get(1);
        assertEquals(CliHarness.SNI_RULE, sni.get("ruleId").textValue());
        assertEquals(CliHarness.SNI_RULE, driver.get("rules").get(sni.get("ruleIndex").intValue()).get("id").textValue());
        assertEquals("error", sni.get("level").textValue());
        assertTrue(sni.get("message").get("text").isTextual());
        JsonNode physical = sni.get("locations").get(0).get("physicalLocation");
        assertEquals("site.conf", physical.get("artifactLocation").get("uri").textValue());
        JsonNode region = physical.get("region");
        assertEquals(List.of(4, 13, 4, 41), List.of(region.get("startLine").intValue(), region.get("startColumn").intValue(),
                region.get("endLine").intValue(), region.get("endColumn").intValue()));
        JsonNode related = sni.get("relatedLocations").get(0);
        assertEquals(0, related.get("id").intValue());
        assertEquals(3, related.get("physicalLocation").get("region").get("startLine").intValue());
        assertEquals("in this block", related.get("message").get("text").textValue());
        assertEquals(1, sni.get("fixes").size(), "the suppression needs a reason, so it is not a SARIF fix");
        JsonNode fix = sni.get("fixes").get(0);
        assertTrue(fix.get("description").get("text").textValue().startsWith("Send SNI"));
        JsonNode change = fix.get("artifactChanges").get(0);
        assertEquals("site.conf", change.get("artifactLocation").get("uri").textValue());
        JsonNode replacement = change.get("replacements").get(0);
        assertEquals(5, replacement.get("deletedRegion").get("startLine").intValue());
        assertEquals(1, replacement.get("deletedRegion").get("startColumn").intValue());
        assertEquals("            proxy_ssl_server_name on;\n", replacement.get("insertedContent").get("text").textValue());
        assertTrue(run0.get("invocations").get(0).get("executionSuccessful").booleanValue());
    }

    @Test
    void sarifRecordsUnreadablePaths() throws IOException {
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "sarif", "gone.conf");
        assertEquals(2, run.exit());
        JsonNode invocation = JSON.readTree(run.out()).get("runs").get(0).get("invocations").get(0);
        assertEquals(false, invocation.get("executionSuccessful").booleanValue());
        assertEquals("gone.conf: no such file",
                invocation.get("toolExecutionNotifications").get(0).get("message").get("text").textValue());
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            values.add(element.get(field).asText());
        }
        return values;
    }

    /** --directive names a third-party module's directive so unknown-directive accepts it. */
    @Test
    void directiveOptionTeachesUnknownDirectiveAThirdPartyName() throws IOException {
        write("module.conf", "http {\n    f5_metrics on;\n}\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Main main = new Main(dir, dev.handshake.lint.rules.Rules.all());
        int exit = main.execute(new String[] {"check", "--fail-on", "warning", "module.conf"},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("[unknown-directive]"));
        out.reset();
        exit = main.execute(new String[] {"check", "--fail-on", "warning", "--directive", "f5_metrics", "module.conf"},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    }
}
