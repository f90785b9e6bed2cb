package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The colouring is a pure function of the tokens: no JavaFX needed to check it. */
class HighlighterTest {

    /** The styles of the first occurrence of {@code needle} in {@code text}, which must be one run. */
    private static List<String> stylesOf(String text, String needle) {
        List<StyleRun> runs = Highlighter.highlight(Parser.parse(text));
        int target = text.indexOf(needle);
        int offset = 0;
        for (StyleRun run : runs) {
            if (target >= offset && target < offset + run.length()) {
                assertTrue(target + needle.length() <= offset + run.length(),
                        "\"" + needle + "\" spans more than one run: " + runs);
                return run.styles();
            }
            offset += run.length();
        }
        throw new AssertionError(needle + " not found");
    }

    @Test
    void runsCoverTheTextExactly() {
        String text = "http {\n  server { listen 443 ssl; # tls\n  location / { proxy_pass https://$up; }\n}\n";
        assertEquals(text.length(), StyleRun.total(Highlighter.highlight(Parser.parse(text))));
    }

    @Test
    void brokenTextStillCoveredExactly() {
        String text = "server {\n  proxy_pass \"https://unterminated;\n  location ~* x {";
        assertEquals(text.length(), StyleRun.total(Highlighter.highlight(Parser.parse(text))));
    }

    @Test
    void emptyText() {
        assertEquals(List.of(), Highlighter.highlight(Parser.parse("")));
    }

    @Test
    void directiveNamesBlockNamesAndArguments() {
        String text = "upstream backend_pool {\n    server 10.0.4.21:443;\n}\n";
        assertEquals(List.of(Highlighter.BLOCK_NAME), stylesOf(text, "upstream"));
        assertEquals(List.of(Highlighter.ARGUMENT), stylesOf(text, "backend_pool"));
        assertEquals(List.of(Highlighter.DIRECTIVE), stylesOf(text, "server"));
        assertEquals(List.of(Highlighter.ARGUMENT), stylesOf(text, "10.0.4.21:443"));
        assertEquals(List.of(Highlighter.BRACE), stylesOf(text, "{"));
        assertEquals(List.of(Highlighter.SEMICOLON), stylesOf(text, ";"));
    }

    @Test
    void commentsSwitchesAndModifiers() {
        String text = "# note\nlocation ~* \\.php$ { proxy_ssl_verify off; }\n";
        assertEquals(List.of(Highlighter.COMMENT), stylesOf(text, "# note"));
        assertEquals(List.of(Highlighter.MODIFIER), stylesOf(text, "~*"));
        assertEquals(List.of(Highlighter.SWITCH), stylesOf(text, "off"));
        assertEquals(List.of(Highlighter.BLOCK_NAME), stylesOf(text, "location"));
    }

    @Test
    void variablesInWordsAndStrings() {
        String text = "proxy_pass https://$host${uri}x; return 200 \"hi $name\";\n";
        assertEquals(List.of(Highlighter.ARGUMENT), stylesOf(text, "https://"));
        assertEquals(List.of(Highlighter.VARIABLE), stylesOf(text, "$host"));
        assertEquals(List.of(Highlighter.VARIABLE), stylesOf(text, "${uri}"));
        assertEquals(List.of(Highlighter.STRING), stylesOf(text, "\"hi "));
        assertEquals(List.of(Highlighter.STRING, Highlighter.VARIABLE), stylesOf(text, "$name"));
    }

    @Test
    void dollarWithoutNameIsPlain() {
        String text = "rewrite ^/a$ /b;\n";
        assertEquals(List.of(Highlighter.ARGUMENT), stylesOf(text, "^/a$"));
    }

    @Test
    void overlayMarksOnlyTheRange() {
        List<StyleRun> base = new ArrayList<>(List.of(new StyleRun(5, List.of("a")), new StyleRun(5, List.of())));
        List<StyleRun> marked = StyleRun.overlay(base, 3, 7, "err");
        assertEquals(List.of(new StyleRun(3, List.of("a")), new StyleRun(2, List.of("a", "err")),
                new StyleRun(2, List.of("err")), new StyleRun(3, List.of())), marked);
        assertEquals(10, StyleRun.total(marked));
    }

    @Test
    void sliceAndCommonEnds() {
        List<StyleRun> a = List.of(new StyleRun(3, List.of("x")), new StyleRun(4, List.of()), new StyleRun(2, List.of("y")));
        List<StyleRun> b = List.of(new StyleRun(3, List.of("x")), new StyleRun(1, List.of()), new StyleRun(1, List.of("z")),
                new StyleRun(3, List.of()), new StyleRun(2, List.of("y")));
        assertEquals(4, StyleRun.commonPrefix(a, b));
        assertEquals(5, StyleRun.commonSuffix(a, b));
        assertEquals(9, StyleRun.commonPrefix(a, a));
        assertEquals(0, StyleRun.commonPrefix(a, List.of()));
        assertEquals(List.of(new StyleRun(1, List.of("x")), new StyleRun(4, List.of()), new StyleRun(1, List.of("y"))),
                StyleRun.slice(a, 2, 8));
        assertEquals(List.of(), StyleRun.slice(a, 5, 5));
    }

    @Test
    void longLinesStayPlain() {
        String text = "a b;\n" + "x".repeat(20) + "\nc d;\n";
        List<StyleRun> runs = Highlighter.highlight(Parser.parse(text));
        List<StyleRun> plain = StyleRun.plainLongLines(runs, text, 10);
        assertEquals(text.length(), StyleRun.total(plain));
        assertEquals(StyleRun.slice(runs, 0, 5), StyleRun.slice(plain, 0, 5));
        assertEquals(List.of(new StyleRun(20, List.of())), StyleRun.slice(plain, 5, 25));
        assertEquals(StyleRun.slice(runs, 25, text.length()), StyleRun.slice(plain, 25, text.length()));
        assertEquals(runs, StyleRun.plainLongLines(runs, text, 100));
    }

    @Test
    void overlayManyMarksInOneSweep() {
        List<StyleRun> base = List.of(new StyleRun(4, List.of("a")), new StyleRun(6, List.of()));
        List<StyleRun> marked = StyleRun.overlay(base, List.of(new StyleRun.Mark(1, 6, "w"),
                new StyleRun.Mark(3, 8, "e"), new StyleRun.Mark(9, 9, "empty")));
        assertEquals(List.of(new StyleRun(1, List.of("a")), new StyleRun(2, List.of("a", "w")),
                new StyleRun(1, List.of("a", "w", "e")), new StyleRun(2, List.of("w", "e")),
                new StyleRun(2, List.of("e")), new StyleRun(2, List.of())), marked);
    }
}
