package dev.handshake.syntax;

import dev.handshake.text.TextRange;

/** One token: a kind and its half-open range {@code [start, end)} in the parsed text. */
public record Token(TokenKind kind, int start, int end) {

    public TextRange range() {
        return new TextRange(start, end);
    }

    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }

    public boolean isQuoted() {
        return kind == TokenKind.DQ_STRING || kind == TokenKind.SQ_STRING;
    }
}
