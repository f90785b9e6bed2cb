package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.List;

/**
 * Cuts nginx configuration text into tokens the way nginx's {@code ngx_conf_read_token} does, but
 * losslessly: whitespace, line breaks and comments become tokens instead of being skipped.
 *
 * <p>The parser pulls tokens one at a time because one construct is context dependent: the body of a
 * {@code *_by_lua_block} is Lua, read by {@link #nextLuaBody()}.
 */
final class Lexer {

    private final String text;
    private final List<SyntaxError> errors;
    private int offset;

    Lexer(String text, List<SyntaxError> errors) {
        this.text = text;
        this.errors = errors;
    }

    int offset() {
        return offset;
    }

    boolean atEnd() {
        return offset >= text.length();
    }

    /** The next token, or {@code null} at the end of the text. */
    Token next() {
        if (atEnd()) {
            return null;
        }
        int start = offset;
        char c = text.charAt(offset);
        switch (c) {
            case ' ', '\t' -> {
                while (offset < text.length() && (text.charAt(offset) == ' ' || text.charAt(offset) == '\t')) {
                    offset++;
                }
                return new Token(TokenKind.WHITESPACE, start, offset);
            }
            case '\n' -> {
                offset++;
                return new Token(TokenKind.NEWLINE, start, offset);
            }
            case '\r' -> {
                offset++;
                if (offset < text.length() && text.charAt(offset) == '\n') {
                    offset++;
                }
                return new Token(TokenKind.NEWLINE, start, offset);
            }
            case '#' -> {
                while (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
                    offset++;
                }
                return new Token(TokenKind.COMMENT, start, offset);
            }
            case ';' -> {
                offset++;
                return new Token(TokenKind.SEMICOLON, start, offset);
            }
            case '{' -> {
                offset++;
                return new Token(TokenKind.LBRACE, start, offset);
            }
            case '}' -> {
                offset++;
                return new Token(TokenKind.RBRACE, start, offset);
            }
            case '"', '\'' -> {
                return quoted(c);
            }
            default -> {
                return word();
            }
        }
    }

    private Token word() {
        int start = offset;
        boolean variable = false;
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == '{' && variable) {
                offset++;
                continue;
            }
            variable = false;
            if (c == '\\') {
                offset = Math.min(offset + 2, text.length());
                continue;
            }
            if (c == '$') {
                variable = true;
                offset++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{') {
                break;
            }
            offset++;
        }
        return new Token(TokenKind.WORD, start, offset);
    }

    private Token quoted(char quote) {
        int start = offset;
        offset++;
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == '\\') {
                offset = Math.min(offset + 2, text.length());
                continue;
            }
            offset++;
            if (c == quote) {
                checkSpaceAfterQuote();
                return new Token(quote == '"' ? TokenKind.DQ_STRING : TokenKind.SQ_STRING, start, offset);
            }
        }
        // Unterminated: nginx would read to the end of the file and fail there. To keep the rest of
        // the file analysable, the string ends with its first line and the error sits on the quote.
        errors.add(new SyntaxError(new TextRange(start, start + 1),
                "unexpected end of file, expecting \";\" or \"}\" (unterminated " + (quote == '"' ? "double" : "single")
                        + "-quoted string)"));
        offset = start + 1;
        while (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
            offset++;
        }
        return new Token(quote == '"' ? TokenKind.DQ_STRING : TokenKind.SQ_STRING, start, offset);
    }

    /** nginx wants a space, {@code ;}, {@code {} or {@code )} right after a closing quote. */
    private void checkSpaceAfterQuote() {
        if (offset >= text.length()) {
            return;
        }
        char c = text.charAt(offset);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == ')') {
            return;
        }
        errors.add(new SyntaxError(new TextRange(offset, offset + 1), "unexpected \"" + c + "\""));
    }

    /**
     * Reads a Lua body after the opening brace, up to (not including) the brace that closes it,
     * skipping braces inside Lua strings, long brackets and comments. Returns {@code null} when the
     * body is empty.
     */
    Token nextLuaBody() {
        int start = offset;
        int depth = 0;
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == '-' && startsWith("--")) {
                offset += 2;
                int level = longBracketLevel();
                if (level >= 0) {
                    skipLongBracket(level);
                } else {
                    while (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
                        offset++;
                    }
                }
            } else if (c == '[' && longBracketLevel() >= 0) {
                skipLongBracket(longBracketLevel());
            } else if (c == '"' || c == '\'') {
                skipLuaString(c);
            } else if (c == '{') {
                depth++;
                offset++;
            } else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
                offset++;
            } else {
                offset++;
            }
        }
        return offset > start ? new Token(TokenKind.LUA_CODE, start, offset) : null;
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, offset);
    }

    /** At {@code [}: the level of a long bracket {@code [==[} opening here, or -1. */
    private int longBracketLevel() {
        if (offset >= text.length() || text.charAt(offset) != '[') {
            return -1;
        }
        int i = offset + 1;
        int level = 0;
        while (i < text.length() && text.charAt(i) == '=') {
            level++;
            i++;
        }
        return i < text.length() && text.charAt(i) == '[' ? level : -1;
    }

    private void skipLongBracket(int level) {
        String close = "]" + "=".repeat(level) + "]";
        int found = text.indexOf(close, offset + level + 2);
        offset = found < 0 ? text.length() : found + close.length();
    }

    private void skipLuaString(char quote) {
        offset++;
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == '\\') {
                offset += 2;
                continue;
            }
            if (c == quote || c == '\n' || c == '\r') {
                offset++;
                return;
            }
            offset++;
        }
        offset = Math.min(offset, text.length());
    }
}
