package dev.handshake.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding picks UTF-8 exactly when the bytes are valid UTF-8, and every input encodes back to itself. */
class SourceTextTest {

    private static SourceText roundTrip(byte[] bytes) {
        SourceText text = SourceText.decode(bytes);
        assertArrayEquals(bytes, text.encode(), "decode then encode gives the bytes back");
        return text;
    }

    @Test
    void asciiIsUtf8() {
        SourceText text = roundTrip("server { listen 443; }\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(StandardCharsets.UTF_8, text.charset());
        assertEquals("server { listen 443; }\n", text.text());
    }

    @Test
    void validUtf8WithAWrittenReplacementCharacterStaysUtf8() {
        String written = "# caf\u00e9 \uFFFD \u2713\nlisten 443;\n";
        SourceText text = roundTrip(written.getBytes(StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, text.charset());
        assertEquals(written, text.text());
    }

    @Test
    void invalidUtf8IsLatin1ByteForByte() {
        byte[] bytes = {'#', ' ', (byte) 0xE9, 't', (byte) 0xE9, '\n', (byte) 0xC3};
        SourceText text = roundTrip(bytes);
        assertEquals(StandardCharsets.ISO_8859_1, text.charset());
        assertEquals("# \u00e9t\u00e9\n\u00c3", text.text());
    }

    @Test
    void aByteOrderMarkIsStrippedAndWrittenBack() {
        byte[] body = "events {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        SourceText text = roundTrip(bytes);
        assertTrue(text.hasBom());
        assertEquals("events {}\n", text.text());
        assertFalse(SourceText.decode(body).hasBom());
    }
}
