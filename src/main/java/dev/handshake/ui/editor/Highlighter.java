package dev.handshake.ui.editor;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Token;
import dev.handshake.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Syntax colouring as a pure function from the parser's tokens to {@link StyleRun}s: directive names,
 * names of directives that open a block, arguments, strings, variables ({@code $x}, {@code ${x}}),
 * comments, braces, {@code on}/{@code off} and the location/if match operators. The runs cover the
 * text exactly; whitespace and line breaks carry no style.
 */
public final class Highlighter {

    public static final String DIRECTIVE = "directive";
    public static final String BLOCK_NAME = "block-name";
    public static final String ARGUMENT = "argument";
    public static final String STRING = "string";
    public static final String VARIABLE = "variable";
    public static final String COMMENT = "comment";
    public static final String BRACE = "brace";
    public static final String SEMICOLON = "semicolon";
    public static final String SWITCH = "switch";
    public static final String MODIFIER = "modifier";
    public static final String LUA = "lua";

    private static final Set<String> SWITCHES = Set.of("on", "off");
    private static final Set<String> MODIFIERS = Set.of("~", "~*", "=", "^~", "!~", "!~*");

    /** A word's role, by the offset it starts at (0: none). */
    private static final byte NAME = 1;
    private static final byte BLOCK = 2;
    private static final byte ARG = 3;

    // One list per style, shared by every run: runs merge by identity and no list is made per token.
    private static final List<String> PLAIN = List.of();
    private static final List<String> DIRECTIVE_STYLE = List.of(DIRECTIVE);
    private static final List<String> BLOCK_NAME_STYLE = List.of(BLOCK_NAME);
    private static final List<String> ARGUMENT_STYLE = List.of(ARGUMENT);
    private static final List<String> STRING_STYLE = List.of(STRING);
    private static final List<String> VARIABLE_STYLE = List.of(VARIABLE);
    private static final List<String> STRING_VARIABLE_STYLE = List.of(STRING, VARIABLE);
    private static final List<String> COMMENT_STYLE = List.of(COMMENT);
    private static final List<String> BRACE_STYLE = List.of(BRACE);
    private static final List<String> SEMICOLON_STYLE = List.of(SEMICOLON);
    private static final List<String> SWITCH_STYLE = List.of(SWITCH);
    private static final List<String> MODIFIER_STYLE = List.of(MODIFIER);
    private static final List<String> LUA_STYLE = List.of(LUA);

    private Highlighter() {
    }

    /** Style runs for {@code parse}, covering its whole text. */
    public static List<StyleRun> highlight(ParseResult parse) {
        String text = parse.tree().text();
        byte[] roles = roles(parse, text.length());
        List<StyleRun> runs = new ArrayList<>();
        int covered = 0;
        for (Token token : parse.tree().tokens()) {
            if (token.start() > covered) {
                StyleRun.append(runs, token.start() - covered, PLAIN);
            }
            styleToken(runs, text, token, token.start() < roles.length ? roles[token.start()] : 0);
            covered = Math.max(covered, token.end());
        }
        StyleRun.append(runs, text.length() - covered, PLAIN);
        return runs;
    }

    /** The role of each directive's words, by start offset: one byte per character, no boxed keys. */
    private static byte[] roles(ParseResult parse, int length) {
        byte[] roles = new byte[length];
        for (Directive d : parse.tree().directives()) {
            Token name = d.nameToken();
            if (name != null && name.start() < length) {
                roles[name.start()] = d.hasBlock() ? BLOCK : NAME;
            }
            for (Token arg : d.argTokens()) {
                if (arg.start() < length) {
                    roles[arg.start()] = ARG;
                }
            }
        }
        return roles;
    }

    private static void styleToken(List<StyleRun> runs, String text, Token token, byte role) {
        int length = token.end() - token.start();
        switch (token.kind()) {
            case WHITESPACE, NEWLINE -> StyleRun.append(runs, length, PLAIN);
            case COMMENT -> StyleRun.append(runs, length, COMMENT_STYLE);
            case LBRACE, RBRACE -> StyleRun.append(runs, length, BRACE_STYLE);
            case SEMICOLON -> StyleRun.append(runs, length, SEMICOLON_STYLE);
            case LUA_CODE -> StyleRun.append(runs, length, LUA_STYLE);
            case DQ_STRING, SQ_STRING -> withVariables(runs, text, token, STRING_STYLE);
            case WORD -> word(runs, text, token, role);
            default -> StyleRun.append(runs, length, PLAIN);
        }
    }

    private static void word(List<StyleRun> runs, String text, Token token, byte role) {
        int length = token.end() - token.start();
        if (role == NAME) {
            StyleRun.append(runs, length, DIRECTIVE_STYLE);
        } else if (role == BLOCK) {
            StyleRun.append(runs, length, BLOCK_NAME_STYLE);
        } else if (length <= 3 && SWITCHES.contains(token.text(text))) {
            StyleRun.append(runs, length, SWITCH_STYLE);
        } else if (length <= 3 && MODIFIERS.contains(token.text(text))) {
            StyleRun.append(runs, length, MODIFIER_STYLE);
        } else {
            withVariables(runs, text, token, ARGUMENT_STYLE);
        }
    }

    /** Styles {@code token} as {@code base}, with {@code $name} and {@code ${name}} marked as variables. */
    private static void withVariables(List<StyleRun> runs, String text, Token token, List<String> base) {
        int plainStart = token.start();
        int i = token.start();
        while (i < token.end()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            int variableEnd = c == '$' ? variableEnd(text, i + 1, token.end()) : -1;
            if (variableEnd < 0) {
                i++;
                continue;
            }
            StyleRun.append(runs, i - plainStart, base);
            StyleRun.append(runs, variableEnd - i, base == STRING_STYLE ? STRING_VARIABLE_STYLE : VARIABLE_STYLE);
            i = variableEnd;
            plainStart = i;
        }
        StyleRun.append(runs, token.end() - plainStart, base);
    }

    /** End of a variable name starting after {@code $} at {@code from}, or -1 when none starts there. */
    private static int variableEnd(String text, int from, int limit) {
        if (from < limit && text.charAt(from) == '{') {
            int close = text.indexOf('}', from);
            return close >= 0 && close < limit ? close + 1 : -1;
        }
        int i = from;
        while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i > from ? i : -1;
    }
}
