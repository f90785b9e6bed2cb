package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check -} and {@code fix -}: one config from standard input, named by {@code --stdin-filename}. */
class StdinInputTest {

    /** An HTTPS location whose SNI comes from a relative include. */
    private static final String WITH_INCLUDE = "http {\n    server {\n        location / {\n"
            + "            proxy_pass https://10.0.0.1;\n            include snippets/sni.conf;\n        }\n    }\n}\n";

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checkReadsStandardInputUnderTheDefaultName() {
        CliHarness.Run run = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.HTTPS), "check", "-");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("\n<stdin>:4:13: error: proxy_ssl_server_name is missing for https://10.0.0.1 ["
                + CliHarness.SNI_RULE + "]\n"), run.out());
        assertEquals(0, CliHarness.runWithStdin(dir, bytes(CheckCommandTest.CLEAN), "check", "-").exit());
    }

    @Test
    void stdinFilenameNamesFindingsAndAnchorsRelativeIncludes() throws IOException {
        Files.createDirectories(dir.resolve("nginx/snippets"));
        Files.writeString(dir.resolve("nginx/snippets/sni.conf"), "proxy_ssl_server_name on;\n");
        CliHarness.Run named = CliHarness.runWithStdin(dir, bytes(WITH_INCLUDE),
                "check", "--stdin-filename", "nginx/site.conf", "--format", "json", "-");
        assertTrue(named.out().contains("\"nginx/site.conf\""), named.out());
        assertTrue(!named.out().contains(CliHarness.SNI_RULE) && !named.out().contains("include-not-found"), named.out());
        assertEquals(0, named.exit(), named.out());

        CliHarness.Run unnamed = CliHarness.runWithStdin(dir, bytes(WITH_INCLUDE), "check", "-");
        assertTrue(unnamed.out().contains("<stdin>:5:13: warning: included file " + dir.resolve("snippets/sni.conf")
                + " not found [include-not-found]"), "without a name, includes start at the working directory: " + unnamed.out());
        Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(dir.resolve("snippets/sni.conf"), "proxy_ssl_server_name on;\n");
        assertEquals(0, CliHarness.runWithStdin(dir, bytes(WITH_INCLUDE), "check", "-").exit());
    }

    @Test
    void stdinTextWinsOverAFileOfTheSameName() throws IOException {
        Files.writeString(dir.resolve("site.conf"), CheckCommandTest.CLEAN);
        CliHarness.Run run = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.HTTPS),
                "check", "--stdin-filename", "site.conf", "-");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("\nsite.conf:4:13: error:"), run.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliHarness.Run empty = CliHarness.runWithStdin(dir, new byte[0], "check", "-");
        assertEquals(2, empty.exit());
        assertEquals("handshake: <stdin>: standard input is empty\n", empty.err().lines().findFirst().orElseThrow() + "\n");
        assertEquals(1, empty.err().lines().filter(l -> l.startsWith("handshake:")).count(), empty.err());

        CliHarness.Run binary = CliHarness.runWithStdin(dir, new byte[] {'a', 0, 'b'}, "check", "-");
        assertEquals(2, binary.exit());
        assertTrue(binary.err().startsWith("handshake: <stdin>: is binary, not a text config\n"), binary.err());

        CliHarness.Run both = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.CLEAN), "check", "-", "site.conf");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("handshake: - reads one config from standard input: give no other PATH with it\n"),
                both.err());

        CliHarness.Run nameWithoutDash = CliHarness.run(dir, "check", "--stdin-filename", "x.conf", "site.conf");
        assertEquals(2, nameWithoutDash.exit());
        assertTrue(nameWithoutDash.err().startsWith("handshake: --stdin-filename names standard input: it needs the operand -\n"),
                nameWithoutDash.err());
    }

    @Test
    void emptyStdinStillGivesAValidReportInMachineFormats() {
        CliHarness.Run run = CliHarness.runWithStdin(dir, new byte[0], "check", "--format", "github", "-");
        assertEquals(2, run.exit());
        assertEquals("::error file=<stdin>::<stdin>: standard input is empty\n", run.out());
    }

    @Test
    void fixPrintsTheDiffAndNeverWrites() throws IOException {
        Path site = Files.writeString(dir.resolve("site.conf"), CheckCommandTest.CLEAN);
        CliHarness.Run run = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.HTTPS),
                "fix", "--stdin-filename", "site.conf", "-");
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
        assertEquals(0, run.exit(), run.err());
        assertEquals(CheckCommandTest.CLEAN, Files.readString(site), "the file named by --stdin-filename is untouched");

        CliHarness.Run unnamed = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.HTTPS), "fix", "-");
        assertTrue(unnamed.out().startsWith("--- a/<stdin>\n+++ b/<stdin>\n"), unnamed.out());
        assertTrue(!Files.exists(dir.resolve("<stdin>")));
    }

    @Test
    void fixOutputDashPrintsTheFixedTextKeepingLineEndings() {
        String crlf = CheckCommandTest.HTTPS.replace("\n", "\r\n");
        CliHarness.Run run = CliHarness.runWithStdin(dir, bytes(crlf), "fix", "--output", "-", "-");
        assertEquals(crlf.replace("https://10.0.0.1;\r\n", "https://10.0.0.1;\r\n            proxy_ssl_server_name on;\r\n"),
                run.out());
        assertEquals(0, run.exit(), run.err());
        CliHarness.Run clean = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.CLEAN), "fix", "--output", "-", "-");
        assertEquals(CheckCommandTest.CLEAN, clean.out(), "nothing to fix: the text as given");
    }

    @Test
    void fixFromStdinRefusesToWrite() {
        for (String[] args : new String[][] {{"fix", "--write", "-"}, {"fix", "--output", "out.conf", "-"}}) {
            CliHarness.Run run = CliHarness.runWithStdin(dir, bytes(CheckCommandTest.HTTPS), args);
            assertEquals(2, run.exit());
            assertTrue(run.err().startsWith("handshake: fix - never writes files: it prints the diff, or the fixed text with --output -\n"),
                    run.err());
        }
        assertTrue(!Files.exists(dir.resolve("out.conf")));
        assertEquals(2, CliHarness.runWithStdin(dir, new byte[0], "fix", "-").exit());
    }

    @Test
    void usageNamesTheNewInputs() {
        String help = CliHarness.run(Path.of("."), "--help").out();
        for (String option : new String[] {"PATH... | - | --nginx-T FILE|-", "--stdin-filename NAME", "--output FILE|-"}) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void outputDashAlsoPrintsAFixedFile() throws IOException {
        Path site = Files.writeString(dir.resolve("site.conf"), CheckCommandTest.HTTPS);
        CliHarness.Run run = CliHarness.run(dir, "fix", "--output", "-", "site.conf");
        assertTrue(run.out().contains("https://10.0.0.1;\n            proxy_ssl_server_name on;\n"), run.out());
        assertEquals(CheckCommandTest.HTTPS, Files.readString(site));
    }
}
