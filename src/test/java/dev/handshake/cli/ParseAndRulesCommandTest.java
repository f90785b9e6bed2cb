package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseAndRulesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void crossplanePayloadFollowsIncludes() throws IOException {
        Path main = Files.writeString(dir.resolve("nginx.conf"),
                "events {\n    worker_connections 1024;\n}\n\nhttp {\n    include conf.d/*.conf;\n}\n");
        Files.createDirectories(dir.resolve("conf.d"));
        Path servers = Files.writeString(dir.resolve("conf.d/servers.conf"), String.join("\n",
                "server {",
                "    listen 8080; # a comment is left out",
                "    location / {",
                "        try_files 'foo bar' baz;",
                "        if ($request_method = POST) {",
                "            return 405;",
                "        }",
                "        content_by_lua_block { ngx.say(\"}\") }",
                "    }",
                "}",
                ""));
        CliHarness.Run run = CliHarness.run(dir, "parse", "--format", "crossplane", "nginx.conf");
        assertEquals(0, run.exit(), run.err());
        String expected = ("{'status':'ok','errors':[],'config':["
                + "{'file':'MAIN','status':'ok','errors':[],'parsed':["
                + "{'directive':'events','line':1,'args':[],'block':["
                + "{'directive':'worker_connections','line':2,'args':['1024']}]},"
                + "{'directive':'http','line':5,'args':[],'block':["
                + "{'directive':'include','line':6,'args':['conf.d/*.conf'],'includes':[1]}]}]},"
                + "{'file':'SERVERS','status':'ok','errors':[],'parsed':["
                + "{'directive':'server','line':1,'args':[],'block':["
                + "{'directive':'listen','line':2,'args':['8080']},"
                + "{'directive':'location','line':3,'args':['/'],'block':["
                + "{'directive':'try_files','line':4,'args':['foo bar','baz']},"
                + "{'directive':'if','line':5,'args':['$request_method','=','POST'],'block':["
                + "{'directive':'return','line':6,'args':['405']}]},"
                + "{'directive':'content_by_lua_block','line':8,'args':['ngx.say(\\\"}\\\")']}]}]}]}]}")
                .replace('\'', '"').replace("MAIN", main.toString()).replace("SERVERS", servers.toString());
        assertEquals(JSON.readTree(expected), JSON.readTree(run.out()));
    }

    @Test
    void crossplaneReportsErrorsPerFileAndInTotal() throws IOException {
        Files.writeString(dir.resolve("broken.conf"), "http {\n    include gone.conf;\n    server {\n}\n");
        CliHarness.Run run = CliHarness.run(dir, "parse", "broken.conf");
        assertEquals(1, run.exit());
        JsonNode root = JSON.readTree(run.out());
        assertEquals("failed", root.get("status").textValue());
        assertEquals(2, root.get("errors").size());
        JsonNode config = root.get("config").get(0);
        assertEquals("failed", config.get("status").textValue());
        for (JsonNode error : config.get("errors")) {
            assertTrue(error.get("line").isInt());
            assertTrue(error.get("error").textValue().contains(" in " + dir.resolve("broken.conf") + ":"),
                    error.toString());
        }
        ObjectNode include = (ObjectNode) config.get("parsed").get(0).get("block").get(0);
        assertEquals(0, include.get("includes").size());
        assertEquals(2, CliHarness.run(dir, "parse", "absent.conf").exit());
        assertEquals(2, CliHarness.run(dir, "parse", "--format", "json", "broken.conf").exit());
        assertEquals(2, CliHarness.run(dir, "parse", "broken.conf", "broken.conf").exit());
    }

    @Test
    void rulesListsIdSeverityAndSummary() {
        CliHarness.Run run = CliHarness.run(dir, "rules");
        assertEquals(0, run.exit());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("syntax-error +error +nginx cannot read this file.*")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cli-test-ca +warning +no CA for an HTTPS upstream")),
                run.out());
    }

    @Test
    void explainPrintsTheRuleDoc() {
        CliHarness.Run run = CliHarness.run(dir, "explain", CliHarness.SNI_RULE);
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("# cli-test-sni\n\n## What it does\n"), run.out());
    }

    @Test
    void explainWithoutADocStillDescribesTheRule() {
        CliHarness.Run run = CliHarness.run(dir, "explain", CliHarness.CA_RULE);
        assertEquals(0, run.exit());
        assertEquals("# cli-test-ca\n\nwarning: no CA for an HTTPS upstream\n", run.out());
        assertEquals("handshake: no documentation for cli-test-ca yet\n", run.err());
    }

    @Test
    void explainUnknownRuleSuggestsTheClosest() {
        CliHarness.Run run = CliHarness.run(dir, "explain", "include-not-fond");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: unknown rule include-not-fond (did you mean include-not-found?)\n"),
                run.err());
        assertEquals(2, CliHarness.run(dir, "explain").exit());
    }

    @Test
    void helpAndVersion() {
        CliHarness.Run help = CliHarness.run(dir, "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: handshake COMMAND"), help.out());
        CliHarness.Run version = CliHarness.run(dir, "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().matches("handshake \\S+\n"), version.out());
        assertEquals(version.out(), CliHarness.run(dir, "version").out());
    }
}
