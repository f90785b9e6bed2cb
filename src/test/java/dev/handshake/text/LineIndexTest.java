package dev.handshake.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The line search that starts from a known line gives what the whole search gives. */
class LineIndexTest {

    @Test
    void lineFromAKnownLineMatchesTheWholeSearch() {
        for (String text : new String[] {"", "a", "a\nbc\n\ndef", "x\r\ny\rz\n", "\n\n\n", "one\ntwo"}) {
            LineIndex lines = new LineIndex(text);
            for (int offset = 0; offset <= text.length(); offset++) {
                for (int from = 1; from <= lines.lineCount(); from++) {
                    assertEquals(lines.line(offset), lines.line(offset, from), text + " @" + offset + " from " + from);
                }
                int line = lines.line(offset);
                assertEquals(lines.column(offset), lines.column(offset, line));
            }
        }
    }
}
