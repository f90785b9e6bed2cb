package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.rules.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatCommandTest {

    private static final String MESSY = "http {\r\nserver {\r\n  listen   80 ;  # port\r\n}\r\n}\r\n";
    private static final String TIDY = "http {\r\n    server {\r\n        listen 80; # port\r\n    }\r\n}\r\n";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(dir, Rules.all()).execute(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkListsWriteFormatsAndTheDefaultPrintsTheDiff(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("site.conf"), MESSY);
        Run diff = run(dir, "format", "site.conf");
        assertEquals(0, diff.exit(), diff.err());
        assertEquals(true, diff.out().startsWith("--- a/site.conf\n+++ b/site.conf\n"), diff.out());
        assertEquals(MESSY, Files.readString(file), "the default changes nothing");

        Run check = run(dir, "format", "--check", "site.conf");
        assertEquals(1, check.exit());
        assertEquals("site.conf\n", check.out());

        Run write = run(dir, "format", "--write", "site.conf");
        assertEquals(0, write.exit(), write.err());
        assertEquals(TIDY, Files.readString(file), "CRLF kept, comment kept");
        assertEquals(0, run(dir, "format", "--check", "site.conf").exit());
    }

    @Test
    void aFileWithSyntaxErrorsIsLeftAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.conf"), "http {\n  server {\n");
        Run run = run(dir, "format", "--write", "broken.conf");
        assertEquals(1, run.exit());
        assertEquals("handshake: broken.conf: not formatted: it has syntax errors (see handshake check)\n", run.err());
        assertEquals("http {\n  server {\n", Files.readString(dir.resolve("broken.conf")));
        assertEquals(2, run(dir, "format", "--check", "--write", "broken.conf").exit());
    }
}
