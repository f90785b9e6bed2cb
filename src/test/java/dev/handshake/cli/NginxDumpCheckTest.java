package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --nginx-T FILE|-} over the checked-in output of a real {@code nginx -T 2>&1} (see
 * {@code NginxDumpLoaderTest}): findings carry the paths nginx printed, and match a check of the tree itself.
 */
class NginxDumpCheckTest {

    private static final Path DUMP = TestConfigs.OWN.resolve("nginx-T/dump.txt");
    private static final Path TREE = TestConfigs.OWN.resolve("nginx-T/tree");
    private static final String DUMPED_AT = "/opt/handshake-fixture/nginx";

    @TempDir
    Path dir;

    @Test
    void checksTheWholeTreeFromTheDumpWithTheOriginalPaths() throws IOException {
        CliHarness.Run fromFile = CliHarness.run(dir, "check", "--nginx-T", DUMP.toString());
        assertEquals(DUMPED_AT + "/conf.d/legacy.conf:6:9: error: proxy_ssl_server_name is missing for https://10.20.0.5 ["
                + CliHarness.SNI_RULE + "]", fromFile.out().lines().filter(l -> l.contains("error:")).findFirst().orElseThrow());
        assertEquals(1, fromFile.exit(), fromFile.err());
        assertEquals("1 file checked: 1 error, 3 warnings, 0 infos\n", fromFile.err(), "one main file, its includes with it");

        CliHarness.Run fromStdin = CliHarness.runWithStdin(dir, Files.readAllBytes(DUMP), "check", "--nginx-T", "-");
        assertEquals(fromFile, fromStdin);

        CliHarness.Run fromDisk = CliHarness.run(TREE, "check", "nginx.conf");
        assertEquals(fromDisk.out(), fromFile.out().replace(DUMPED_AT + "/", ""),
                "the same findings as checking the tree itself, at the dumped paths");
        assertEquals(fromDisk.exit(), fromFile.exit());
    }

    @Test
    void machineFormatsNameTheDumpedFiles() {
        CliHarness.Run json = CliHarness.run(dir, "check", "--format", "json", "--nginx-T", DUMP.toString());
        assertTrue(json.out().contains("\"" + DUMPED_AT + "/conf.d/legacy.conf\""), json.out());
        assertTrue(!json.out().contains("include-not-found"), json.out());
    }

    @Test
    void badDumpsAreOneLineAndExitTwo() throws IOException {
        CliHarness.Run empty = CliHarness.runWithStdin(dir, new byte[0], "check", "--nginx-T", "-");
        assertEquals(2, empty.exit());
        assertEquals("handshake: <stdin>: empty, not the output of nginx -T", empty.err().lines().findFirst().orElseThrow());

        Path plain = Files.writeString(dir.resolve("nginx.conf"), CheckCommandTest.HTTPS);
        CliHarness.Run noSections = CliHarness.run(dir, "check", "--nginx-T", "nginx.conf");
        assertEquals(2, noSections.exit());
        assertEquals("handshake: nginx.conf: no '# configuration file PATH:' sections, not the output of nginx -T",
                noSections.err().lines().findFirst().orElseThrow());

        byte[] failed = "nginx: [emerg] unknown directive \"x\" in /etc/nginx/nginx.conf:1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, CliHarness.runWithStdin(dir, failed, "check", "--nginx-T", "-").exit());

        CliHarness.Run missing = CliHarness.run(dir, "check", "--nginx-T", "gone.txt");
        assertEquals(2, missing.exit());
        assertEquals("handshake: gone.txt: no such file", missing.err().lines().findFirst().orElseThrow());

        for (String[] args : new String[][] {
                {"check", "--nginx-T", "-", plain.toString()},
                {"check", "--nginx-T", "-", "-"},
                {"check", "--nginx-T", "-", "--map-path", "/etc/nginx=conf"},
                {"check", "--nginx-T", "-", "--stdin-filename", "x.conf"}}) {
            CliHarness.Run run = CliHarness.runWithStdin(dir, Files.readAllBytes(DUMP), args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertTrue(run.err().startsWith("handshake: --nginx-T "), run.err());
        }
    }
}
