package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fix} keeps its edits out of blocks with a syntax error, and says so per finding. */
class FixSyntaxGuardTest {

    private static final String TWO_SERVERS = String.join("\n",
            "http {",
            "    server {",
            "        location / {",
            "            proxy_pass https://10.0.0.1;",
            "        }",
            "    }",
            "    server {",
            "        listen 8443;;",
            "        location / {",
            "            proxy_pass https://10.0.0.2;",
            "        }",
            "    }",
            "}",
            "");

    @TempDir
    Path dir;

    @Test
    void theHealthyServerIsFixedAndTheBrokenOneIsLeftWithTheReason() throws IOException {
        Path site = Files.writeString(dir.resolve("site.conf"), TWO_SERVERS);
        CliHarness.Run run = CliHarness.run(dir, "fix", "--write", "--rule", CliHarness.SNI_RULE, "site.conf");
        String fixed = Files.readString(site);
        assertEquals(TWO_SERVERS.replace("https://10.0.0.1;\n",
                "https://10.0.0.1;\n            proxy_ssl_server_name on;\n"), fixed, "only the healthy server changes");
        // Positions are in the fixed text, where the healthy server's fix added a line above.
        assertTrue(run.err().contains("site.conf:11:13: error: proxy_ssl_server_name is missing for https://10.0.0.2"
                + " [cli-test-sni] (not fixed: the block has a syntax error at 9:21; fix it first)\n"), run.err());
        assertTrue(run.err().contains("applied 1 fix in 1 file"), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("syntax error at")).count(),
                "one line per skipped fix: " + run.err());
    }

    @Test
    void aFileWithAnUnclosedBlockGetsNoFixAtAll() throws IOException {
        String unclosed = TWO_SERVERS.replace("listen 8443;;", "listen 8443;").substring(0, TWO_SERVERS.length() - 3);
        Path site = Files.writeString(dir.resolve("site.conf"), unclosed);
        CliHarness.Run run = CliHarness.run(dir, "fix", "--write", "--rule", CliHarness.SNI_RULE, "site.conf");
        assertEquals(unclosed, Files.readString(site));
        assertEquals(2, run.err().lines().filter(l -> l.contains("(not fixed: the block has a syntax error at ")).count(),
                run.err());
        assertTrue(run.err().contains("applied 0 fixes in 0 files"), run.err());
    }

    @Test
    void anExtraBraceInAnIncludedFileKeepsFixesOutOfThatFileOnly() throws IOException {
        Files.writeString(dir.resolve("inc.conf"), "location /b {\n    proxy_pass https://10.0.0.3;\n}\n}\n");
        Files.writeString(dir.resolve("site.conf"), "server {\n    include inc.conf;\n"
                + "    location /a {\n        proxy_pass https://10.0.0.4;\n    }\n}\n");
        CliHarness.Run run = CliHarness.run(dir, "fix", "--rule", CliHarness.SNI_RULE, "site.conf");
        assertTrue(run.out().contains("+        proxy_ssl_server_name on;"), "site.conf is still fixed: " + run.out());
        assertTrue(run.err().contains("https://10.0.0.3 [cli-test-sni] (not fixed: the block has a syntax error at 4:1; fix it first)"),
                run.err());
    }
}
