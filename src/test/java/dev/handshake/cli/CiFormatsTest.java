package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.report.GithubReport;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code check --format github|checkstyle|gitlab}: each output has the shape its consumer documents. */
class CiFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two HTTPS locations (two findings of each test rule) plus a syntax error. */
    private static final String TWO_UPSTREAMS = "http {\n    server {\n        location /a {\n"
            + "            proxy_pass https://10.0.0.1;\n        }\n        location /b {\n"
            + "            proxy_pass https://10.0.0.1;\n        }\n        listen 80\n    }\n}\n";

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void githubPrintsOneWorkflowCommandPerFindingBySeverity() throws IOException {
        write("a,b:c.conf", CheckCommandTest.HTTPS);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "github", "a,b:c.conf");
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().sorted().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).equals("::error file=a%2Cb%3Ac.conf,line=4,col=13,endLine=4,endColumn=41,title="
                + CliHarness.SNI_RULE + "::proxy_ssl_server_name is missing for https://10.0.0.1%0Anote: a,b:c.conf:3:9: in this block"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=a%2Cb%3Ac.conf,"), lines.get(1));
        assertTrue(run.err().contains("1 file checked"), run.err());
    }

    @Test
    void githubEscapesDataAndProperties() {
        assertEquals("100%25 done%0D%0Anext: a, b", GithubReport.data("100% done\r\nnext: a, b"));
        assertEquals("a%3A b%2C c%25%0A", GithubReport.property("a: b, c%\n"));
    }

    @Test
    void githubNamesAnUnreadablePathAndExitsTwo() {
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "github", "missing.conf");
        assertEquals(2, run.exit());
        assertEquals("::error file=missing.conf::missing.conf: no such file\n", run.out());
    }

    @Test
    void checkstyleValidatesAgainstTheDocumentedSchema() throws Exception {
        write("two.conf", TWO_UPSTREAMS);
        write("clean.conf", CheckCommandTest.CLEAN);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "checkstyle", "two.conf", "clean.conf", "gone.conf");
        assertEquals(2, run.exit(), run.err());
        URL xsd = getClass().getResource("/formats/checkstyle-report.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new StringReader(run.out())));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.out())));
        NodeList files = doc.getDocumentElement().getElementsByTagName("file");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.getLength(); i++) {
            names.add(((Element) files.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("two.conf", "clean.conf", "gone.conf"), names);
        NodeList errors = ((Element) files.item(0)).getElementsByTagName("error");
        assertEquals(5, errors.getLength(), run.out());
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < errors.getLength(); i++) {
            sources.add(((Element) errors.item(i)).getAttribute("source"));
        }
        assertEquals(Set.of("handshake.syntax-error", "handshake." + CliHarness.SNI_RULE, "handshake." + CliHarness.CA_RULE),
                sources);
        assertEquals(0, ((Element) files.item(1)).getElementsByTagName("error").getLength());
        Element gone = (Element) ((Element) files.item(2)).getElementsByTagName("error").item(0);
        assertEquals("handshake.input-error", gone.getAttribute("source"));
        assertEquals("gone.conf: no such file", gone.getAttribute("message"));
    }

    @Test
    void gitlabIssuesHaveTheDocumentedFieldsAndStableFingerprints() throws IOException {
        write("two.conf", TWO_UPSTREAMS);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "gitlab", "two.conf");
        assertEquals(1, run.exit(), run.err());
        JsonNode issues = JSON.readTree(run.out());
        assertTrue(issues.isArray());
        assertEquals(5, issues.size(), run.out());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            assertTrue(issue.get("description").isTextual());
            assertTrue(issue.get("check_name").isTextual());
            assertTrue(issue.get("fingerprint").asText().matches("[0-9a-f]{64}"));
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()));
            assertEquals("two.conf", issue.at("/location/path").asText());
            assertTrue(issue.at("/location/lines/begin").isInt() && issue.at("/location/lines/begin").asInt() >= 1);
            fingerprints.add(issue.get("fingerprint").asText());
        }
        assertEquals(5, fingerprints.size(), "each issue has its own fingerprint");

        write("two.conf", "# a comment added above\n" + TWO_UPSTREAMS);
        JsonNode shifted = JSON.readTree(CliHarness.run(dir, "check", "--format", "gitlab", "two.conf").out());
        Set<String> after = new HashSet<>();
        for (JsonNode issue : shifted) {
            after.add(issue.get("fingerprint").asText());
        }
        assertEquals(fingerprints, after, "a line added above moves no fingerprint");
        assertNotEquals(issues.get(0).at("/location/lines/begin").asInt(), shifted.get(0).at("/location/lines/begin").asInt());
    }

    private static String severityOf(JsonNode issues, String rule) {
        for (JsonNode issue : issues) {
            if (issue.get("check_name").asText().equals(rule)) {
                return issue.get("severity").asText();
            }
        }
        return "absent";
    }

    @Test
    void errorsAreMajorAndWarningsMinor() throws IOException {
        write("two.conf", TWO_UPSTREAMS);
        JsonNode issues = JSON.readTree(CliHarness.run(dir, "check", "--format", "gitlab", "two.conf").out());
        assertEquals("major", severityOf(issues, "syntax-error"));
        assertEquals("major", severityOf(issues, CliHarness.SNI_RULE));
        assertEquals("minor", severityOf(issues, CliHarness.CA_RULE));
    }

    @Test
    void badFormatIsAUsageErrorListingTheAcceptedOnes() throws IOException {
        write("clean.conf", CheckCommandTest.CLEAN);
        CliHarness.Run run = CliHarness.run(dir, "check", "--format", "xml", "clean.conf");
        assertEquals(2, run.exit());
        assertEquals("handshake: --format must be one of text, json, sarif, github, checkstyle, gitlab, not \"xml\"",
                run.err().lines().findFirst().orElse(""));
        assertEquals("", run.out());
    }

    @Test
    void usageListsTheFormats() {
        assertTrue(Main.USAGE.contains("--format text|json|sarif|github|checkstyle|gitlab"));
    }
}
