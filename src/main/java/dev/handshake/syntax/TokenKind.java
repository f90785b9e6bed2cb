package dev.handshake.syntax;

/** The kinds of token. Whitespace, line breaks and comments are tokens too, so nothing is lost. */
public enum TokenKind {
    /** An unquoted word: a directive name or argument, possibly with {@code $var} and escapes. */
    WORD,
    /** A double-quoted string, quotes included. */
    DQ_STRING,
    /** A single-quoted string, quotes included. */
    SQ_STRING,
    /** Spaces and tabs. */
    WHITESPACE,
    /** One line break: {@code \n}, {@code \r\n} or a lone {@code \r}. */
    NEWLINE,
    /** From {@code #} to the end of the line, line break excluded. */
    COMMENT,
    SEMICOLON,
    LBRACE,
    RBRACE,
    /** The body of a {@code *_by_lua_block}, between its braces, lexed as Lua. */
    LUA_CODE;

    /** True for tokens that carry no syntax: whitespace, line breaks, comments. */
    public boolean isTrivia() {
        return this == WHITESPACE || this == NEWLINE || this == COMMENT;
    }

    /** True for tokens that can be a directive name or an argument. */
    public boolean isValue() {
        return this == WORD || this == DQ_STRING || this == SQ_STRING;
    }
}
