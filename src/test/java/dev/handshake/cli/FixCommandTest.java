package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {

    private static final String FULLY_FIXED = "http {\n    server {\n        location / {\n"
            + "            proxy_pass https://10.0.0.1;\n"
            + "            proxy_ssl_server_name on;\n"
            + "            proxy_ssl_trusted_certificate /etc/ca.pem;\n"
            + "        }\n    }\n}\n";

    @TempDir
    Path dir;
    Path site;

    @BeforeEach
    void writeSite() throws IOException {
        site = Files.writeString(dir.resolve("site.conf"), CheckCommandTest.HTTPS);
    }

    @Test
    void dryRunPrintsTheDiffAndChangesNothing() throws IOException {
        CliHarness.Run run = CliHarness.run(dir, "fix", "site.conf");
        assertEquals(String.join("\n",
                "--- a/site.conf",
                "+++ b/site.conf",
                "@@ -2,6 +2,7 @@",
                "     server {",
                "         location / {",
                "             proxy_pass https://10.0.0.1;",
                "+            proxy_ssl_server_name on;",
                "         }",
                "     }",
                " }",
                ""), run.out());
        assertEquals(String.join("\n",
                "site.conf:4:13: warning: proxy_ssl_trusted_certificate is missing for https://10.0.0.1 [cli-test-ca]"
                        + " (not fixed: needs --trusted-ca (e.g. /etc/ssl/certs/ca-certificates.crt))",
                "would apply 1 fix in 1 file; left: 0 errors, 1 warning, 0 infos",
                ""), run.err());
        assertEquals(0, run.exit(), "only a warning is left");
        assertEquals(CheckCommandTest.HTTPS, Files.readString(site));
        assertEquals(1, CliHarness.run(dir, "fix", "--fail-on", "warning", "site.conf").exit());
    }

    @Test
    void writeAppliesSafeAndGivenInputFixesKeepingPermissions() throws IOException {
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rw-r-----"));
        CliHarness.Run run = CliHarness.run(dir, "fix", "--write", "--trusted-ca", "/etc/ca.pem", "site.conf");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        assertArrayEquals(FULLY_FIXED.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(site));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(site)));
        assertTrue(run.err().contains("applied 2 fixes in 1 file; left: 0 errors, 0 warnings, 0 infos"), run.err());
        assertEquals(0, CliHarness.run(dir, "check", "--fail-on", "warning", "site.conf").exit());
    }

    @Test
    void anInputNginxCouldNotUseIsAUsageError() throws IOException {
        CliHarness.Run ip = CliHarness.run(dir, "fix", "--sni-name", "10.0.0.5", "site.conf");
        assertEquals(2, ip.exit());
        assertEquals("handshake: --sni-name 10.0.0.5: an IP address is never sent as SNI (RFC 6066 allows host names"
                + " only): use the DNS name the upstream's certificate carries\nTry 'handshake --help'.\n", ip.err());
        CliHarness.Run path = CliHarness.run(dir, "fix", "--trusted-ca", "/etc/ca.pem; include /x", "site.conf");
        assertEquals(2, path.exit());
        assertEquals(CheckCommandTest.HTTPS, Files.readString(site), "nothing written");
    }

    @Test
    void secondRunChangesNothing() throws IOException {
        CliHarness.run(dir, "fix", "--write", "--trusted-ca", "/etc/ca.pem", "site.conf");
        CliHarness.Run again = CliHarness.run(dir, "fix", "--trusted-ca", "/etc/ca.pem", "site.conf");
        assertEquals("", again.out());
        assertEquals(0, again.exit());
        CliHarness.Run written = CliHarness.run(dir, "fix", "--write", "--trusted-ca", "/etc/ca.pem", "site.conf");
        assertEquals(FULLY_FIXED, Files.readString(site));
        assertFalse(written.err().contains("fixed site.conf"), written.err());
    }

    @Test
    void outputWritesThePatchedMainFileElsewhere() throws IOException {
        CliHarness.Run run = CliHarness.run(dir, "fix", "--trusted-ca", "/etc/ca.pem", "--output", "out.conf", "site.conf");
        assertEquals(0, run.exit(), run.err());
        assertEquals(FULLY_FIXED, Files.readString(dir.resolve("out.conf")));
        assertEquals(CheckCommandTest.HTTPS, Files.readString(site));
        Files.writeString(dir.resolve("other.conf"), CheckCommandTest.CLEAN);
        assertEquals(2, CliHarness.run(dir, "fix", "--output", "out.conf", "site.conf", "other.conf").exit());
        assertEquals(2, CliHarness.run(dir, "fix", "--write", "--dry-run", "site.conf").exit());
    }

    @Test
    void outputRefusesWhenTheFixesAlsoChangeAnIncludedFile() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/headers.inc"), "location /a/ {\n    proxy_pass https://a.example.com;\n}\n");
        String main = "server {\n    include inc/headers.inc;\n    location /b/ {\n"
                + "        proxy_pass https://b.example.com;\n    }\n}\n";
        Files.writeString(dir.resolve("inc.conf"), main);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
        int exit = Main.run(new String[] {"fix", "--output", dir.resolve("out.conf").toString(),
                dir.resolve("inc.conf").toString()}, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(errBytes, true, java.nio.charset.StandardCharsets.UTF_8));
        record Result(String err) {
        }
        Result run = new Result(errBytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, exit, run.err());
        assertTrue(run.err().contains("--output writes only the main file, but the fixes also change "),
                run.err());
        assertFalse(run.err().contains("applied"), run.err());
        assertFalse(Files.exists(dir.resolve("out.conf")));
        assertEquals(main, Files.readString(dir.resolve("inc.conf")));
    }

    @Test
    void ruleSelectionLeavesOtherFindingsWithAReason() throws IOException {
        CliHarness.Run run = CliHarness.run(dir, "fix", "--write", "--rule", CliHarness.CA_RULE,
                "--trusted-ca", "/etc/ca.pem", "site.conf");
        assertEquals(1, run.exit(), "the SNI error was not selected");
        assertTrue(run.err().contains("[cli-test-sni] (not fixed: not selected by --rule)"), run.err());
        assertTrue(Files.readString(site).contains("proxy_ssl_trusted_certificate /etc/ca.pem;"));
        assertFalse(Files.readString(site).contains("proxy_ssl_server_name"));
        assertEquals(2, CliHarness.run(dir, "fix", "--rule", "cli-test-snii", "site.conf").exit());
    }

    @Test
    void crlfAndSymlinksSurviveWriting() throws IOException {
        String crlf = CheckCommandTest.HTTPS.replace("\n", "\r\n");
        Path real = Files.writeString(dir.resolve("real.conf"), crlf);
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real.getFileName());
        CliHarness.Run run = CliHarness.run(dir, "fix", "--write", "--trusted-ca", "/etc/ca.pem", "link.conf");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(FULLY_FIXED.replace("\n", "\r\n"), Files.readString(real));
    }

    @Test
    void sharedIncludeIsFixedOnceForSeveralMainFiles() throws IOException {
        Files.writeString(dir.resolve("common.inc"), "location / {\n    proxy_pass https://10.0.0.1;\n}\n");
        Files.writeString(dir.resolve("a.conf"), "server {\n    include common.inc;\n}\n");
        Files.writeString(dir.resolve("b.conf"), "server {\n    listen 8080;\n    include common.inc;\n}\n");
        CliHarness.Run run = CliHarness.run(dir, "fix", "a.conf", "b.conf");
        assertEquals(String.join("\n",
                "--- a/common.inc",
                "+++ b/common.inc",
                "@@ -1,3 +1,4 @@",
                " location / {",
                "     proxy_pass https://10.0.0.1;",
                "+    proxy_ssl_server_name on;",
                " }",
                ""), run.out());
    }

    @Test
    void unreadableInputExitsTwoAndOthersAreStillFixed() throws IOException {
        CliHarness.Run run = CliHarness.run(dir, "fix", "missing.conf", "site.conf");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("handshake: missing.conf: no such file\n"), run.err());
        assertTrue(run.out().startsWith("--- a/site.conf\n"), run.out());
    }
}
