package dev.handshake.ui.editor;

import dev.handshake.syntax.Directive;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Token;
import dev.handshake.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private enum Role { NAME, BLOCK_NAME, ARGUMENT }

    private Highlighter() {
    }

    /** Style runs for {@code parse}, covering its whole text. */
    public static List<StyleRun> highlight(ParseResult parse) {
        String text = parse.tree().text();
        Map<Integer, Role> roles = roles(parse);
        List<StyleRun> runs = new ArrayList<>();
        int covered = 0;
        for (Token token : parse.tree().tokens()) {
            if (token.start() > covered) {
                StyleRun.append(runs, token.start() - covered, List.of());
            }
            styleToken(runs, text, token, roles.get(token.start()));
            covered = Math.max(covered, token.end());
        }
        StyleRun.append(runs, text.length() - covered, List.of());
        return runs;
    }

    private static Map<Integer, Role> roles(ParseResult parse) {
        Map<Integer, Role> roles = new HashMap<>();
        for (Directive d : parse.tree().directives()) {
            Token name = d.nameToken();
            if (name != null) {
                roles.put(name.start(), d.hasBlock() ? Role.BLOCK_NAME : Role.NAME);
            }
            for (Token arg : d.argTokens()) {
                roles.put(arg.start(), Role.ARGUMENT);
            }
        }
        return roles;
    }

    private static void styleToken(List<StyleRun> runs, String text, Token token, Role role) {
        int length = token.end() - token.start();
        switch (token.kind()) {
            case WHITESPACE, NEWLINE -> StyleRun.append(runs, length, List.of());
            case COMMENT -> StyleRun.append(runs, length, List.of(COMMENT));
            case LBRACE, RBRACE -> StyleRun.append(runs, length, List.of(BRACE));
            case SEMICOLON -> StyleRun.append(runs, length, List.of(SEMICOLON));
            case LUA_CODE -> StyleRun.append(runs, length, List.of(LUA));
            case DQ_STRING, SQ_STRING -> withVariables(runs, text, token, STRING);
            case WORD -> word(runs, text, token, role);
            default -> StyleRun.append(runs, length, List.of());
        }
    }

    private static void word(List<StyleRun> runs, String text, Token token, Role role) {
        String word = token.text(text);
        if (role == Role.NAME) {
            StyleRun.append(runs, word.length(), List.of(DIRECTIVE));
        } else if (role == Role.BLOCK_NAME) {
            StyleRun.append(runs, word.length(), List.of(BLOCK_NAME));
        } else if (SWITCHES.contains(word)) {
            StyleRun.append(runs, word.length(), List.of(SWITCH));
        } else if (MODIFIERS.contains(word)) {
            StyleRun.append(runs, word.length(), List.of(MODIFIER));
        } else {
            withVariables(runs, text, token, ARGUMENT);
        }
    }

    /** Styles {@code token} as {@code base}, with {@code $name} and {@code ${name}} marked as variables. */
    private static void withVariables(List<StyleRun> runs, String text, Token token, String base) {
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
            StyleRun.append(runs, i - plainStart, List.of(base));
            StyleRun.append(runs, variableEnd - i, base.equals(STRING) ? List.of(STRING, VARIABLE) : List.of(VARIABLE));
            i = variableEnd;
            plainStart = i;
        }
        StyleRun.append(runs, token.end() - plainStart, List.of(base));
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
