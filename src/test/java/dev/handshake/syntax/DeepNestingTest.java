package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Nesting past {@link Parser#MAX_DEPTH}: no stack overflow, one clear error, a lossless tree. */
class DeepNestingTest {

    static String nested(int levels, boolean closed) {
        return "a{".repeat(levels) + (closed ? "}".repeat(levels) : "") + "\n";
    }

    private static int deepest(SyntaxTree tree) {
        int[] max = {0};
        tree.walk(d -> max[0] = Math.max(max[0], d.depth() + 1));
        return max[0];
    }

    private static String joined(SyntaxTree tree) {
        return tree.tokens().stream().map(t -> t.text(tree.text())).collect(Collectors.joining());
    }

    @Test
    void nestingUpToTheCapIsBuiltWithoutErrors() {
        ParseResult r = Parser.parse(nested(Parser.MAX_DEPTH, true));
        assertEquals(List.of(), r.errors());
        assertEquals(Parser.MAX_DEPTH, deepest(r.tree()));
    }

    @Test
    void deeperNestingIsCutAtTheCapWithOneErrorAndKeepsEveryByte() {
        for (int levels : new int[] {Parser.MAX_DEPTH + 1, 10_000, 100_000}) {
            String text = nested(levels, true);
            ParseResult r = Parser.parse(text);
            List<String> messages = r.errors().stream().map(SyntaxError::message).collect(Collectors.toList());
            assertEquals(List.of("blocks nested deeper than " + Parser.MAX_DEPTH
                    + " levels: the inner blocks are not analysed"), messages, "levels " + levels);
            // the directive opening the first block past the cap is kept; its body is tokens only
            assertEquals(Parser.MAX_DEPTH + 1, deepest(r.tree()));
            assertEquals(text, joined(r.tree()));
            assertNotNull(r.tree().root().directives().get(0).block().close(), "the outer block is closed");
        }
    }

    @Test
    void unclosedDeepNestingEndsWithTheEndOfFileError() {
        String text = nested(100_000, false);
        ParseResult r = Parser.parse(text);
        List<String> messages = r.errors().stream().map(SyntaxError::message).collect(Collectors.toList());
        assertEquals(List.of("blocks nested deeper than " + Parser.MAX_DEPTH + " levels: the inner blocks are not analysed",
                "unexpected end of file, expecting \"}\""), messages);
        assertEquals(text, joined(r.tree()));
    }
}
