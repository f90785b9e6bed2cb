package dev.handshake.diff;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineEndingsTest {

    @Test
    void unchangedTextComesBackByteForByte() {
        for (String text : List.of("a\r\nb\nc\rd", "x\r\n", "", "\n\r\n\r", "no break", "a\r\n\r\nb\r\n")) {
            assertEquals(text, LineEndings.restore(text, LineEndings.normalize(text)));
        }
    }

    @Test
    void editedLinesKeepTheirNeighboursEndingsAndNewLinesTakeTheDominantOne() {
        String original = "events {}\r\nhttp {\r\n    server {}\n}\r\n";
        String edited = "events {}\nhttp {\n    server {}\n    include x.conf;\n}\n";
        assertEquals("events {}\r\nhttp {\r\n    server {}\n    include x.conf;\r\n}\r\n",
                LineEndings.restore(original, edited));
    }

    @Test
    void corpusFilesWithRandomEditsKeepEveryUntouchedLineEnding() {
        Random random = new Random(5);
        List<Path> files = TestConfigs.all();
        for (int round = 0; round < 300; round++) {
            String text = SourceText.decode(Corpus.bytes(files.get(random.nextInt(files.size())))).text();
            String mixed = mixEndings(text, random);
            assertEquals(mixed, LineEndings.restore(mixed, LineEndings.normalize(mixed)));
            String edited = LineEndings.normalize(mixed) + "# appended\n";
            String restored = LineEndings.restore(mixed, edited);
            assertEquals(edited, LineEndings.normalize(restored));
            assertEquals(true, restored.startsWith(mixed.endsWith("\n") || mixed.endsWith("\r") || mixed.isEmpty()
                    ? mixed : mixed.substring(0, Math.max(0, mixed.lastIndexOf('\n') + 1))));
        }
    }

    /** The text's lines joined by a random mix of CRLF and LF; no line break after the last line. */
    private static String mixEndings(String text, Random random) {
        String[] lines = LineEndings.normalize(text).split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append(random.nextInt(3) == 0 ? "\r\n" : "\n").append(lines[i]);
        }
        return out.toString();
    }

    @Test
    void aCrOnlyFileGetsCrOnlyNewLines() {
        String original = "events {}\rhttp {\r}\r";
        assertEquals("\r", dev.handshake.text.SourceText.of(original).eol());
        String edited = "events {}\nhttp {\n    proxy_ssl_verify on;\n}\n";
        assertEquals("events {}\rhttp {\r    proxy_ssl_verify on;\r}\r", LineEndings.restore(original, edited));
    }
}
