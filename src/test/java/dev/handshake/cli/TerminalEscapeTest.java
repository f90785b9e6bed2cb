package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config text quoted in the text report never reaches the terminal as control sequences. */
class TerminalEscapeTest {

    @TempDir
    Path dir;

    @Test
    void escapeSequencesInAConfigAreEscapedInTheTextReport() throws IOException {
        // ESC ] 0 ; title BEL (retitle), ESC [ 2 J (clear), the one-byte C1 CSI, a bidi override
        String name = "\u001b]0;pwned\u0007x\u001b[2J\u009b31m\u202e";
        // enough plain text around it that the file is not taken for a binary one
        String padding = "# a gateway config with one directive that is not what it seems\n".repeat(4);
        Files.writeString(dir.resolve("evil.conf"), padding + "http {\n    include \"" + name + ".conf\";\n}\n");
        CliHarness.Run run = CliHarness.run(dir, "check", "evil.conf");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().lines().count() >= 1, run.err());
        for (char c : run.out().toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == '\u202e',
                    () -> "raw control character " + (int) c + " in " + run.out());
        }
        assertTrue(run.out().contains("\\x1b]0;pwned\\x07x\\x1b[2J\\x9b31m\\u202e"), run.out());
    }
}
