package dev.handshake.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded text together with what is needed to write it back byte for byte: the charset it was
 * decoded with, whether it had a UTF-8 byte order mark, and its line-ending style.
 *
 * <p>Decoding is UTF-8 when the bytes are valid UTF-8, otherwise ISO-8859-1 (every byte maps to one
 * char), so {@code decode(b).encode()} returns exactly {@code b} for any input.
 */
public final class SourceText {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String text;
    private final Charset charset;
    private final boolean bom;
    private LineIndex lines;
    private String eol;

    private SourceText(String text, Charset charset, boolean bom) {
        this.text = Objects.requireNonNull(text, "text");
        this.charset = charset;
        this.bom = bom;
    }

    /** A text typed in memory: UTF-8, no BOM. */
    public static SourceText of(String text) {
        return new SourceText(text, StandardCharsets.UTF_8, false);
    }

    /** Decodes file bytes: UTF-8 (BOM remembered and stripped), else ISO-8859-1. */
    public static SourceText decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3);
        int offset = bom ? 3 : 0;
        // The lenient decoder writes straight into a compact string (an ASCII file costs one byte per
        // char, not a char buffer of twice the file); a malformed sequence always becomes U+FFFD, so
        // only a text containing one needs the strict decoder to tell UTF-8 from ISO-8859-1.
        String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return new SourceText(lenient, StandardCharsets.UTF_8, bom);
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new SourceText(decoded, StandardCharsets.UTF_8, bom);
        } catch (CharacterCodingException notUtf8) {
            return new SourceText(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, false);
        }
    }

    /** The same encoding, BOM and style, holding {@code newText}. */
    public SourceText withText(String newText) {
        return new SourceText(newText, charset, bom);
    }

    /** Whether {@code other} can be written in this text's charset (always for UTF-8). */
    public boolean canEncode(String other) {
        return charset.newEncoder().canEncode(CharBuffer.wrap(other));
    }

    /** Encodes this text the way it was read. */
    public byte[] encode() {
        return encode(text);
    }

    /**
     * Encodes {@code other} with this text's charset and BOM. Characters the charset cannot hold
     * (typed into an ISO-8859-1 file) switch the result to UTF-8 rather than lose them.
     */
    public byte[] encode(String other) {
        Charset target = charset;
        if (!target.newEncoder().canEncode(CharBuffer.wrap(other))) {
            target = StandardCharsets.UTF_8;
        }
        byte[] body = other.getBytes(target);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        System.arraycopy(UTF8_BOM, 0, out, 0, 3);
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    public String text() {
        return text;
    }

    public Charset charset() {
        return charset;
    }

    public boolean hasBom() {
        return bom;
    }

    /** The line-ending style, detected on each call (nothing on the editing path needs it). */
    public LineEnding lineEnding() {
        return LineEnding.detect(text);
    }

    /** The separator for lines inserted into this text: its dominant style (counted on first use). */
    public String eol() {
        String found = eol;
        if (found == null) {
            found = LineEnding.dominantSeparator(text);
            eol = found;
        }
        return found;
    }

    public boolean endsWithNewline() {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    /** The line index, built on first use. */
    public LineIndex lines() {
        LineIndex built = lines;
        if (built == null) {
            built = new LineIndex(text);
            lines = built;
        }
        return built;
    }
}
