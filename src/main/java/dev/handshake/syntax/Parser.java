package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds a {@link SyntaxTree} from text. Never throws and never stops early: each problem is recorded
 * with nginx's wording and parsing goes on, so one half-typed block does not cost the rest of the file
 * its tree.
 */
public final class Parser {

    private static final String EOF_EXPECTING_SEMICOLON = "unexpected end of file, expecting \";\" or \"}\"";
    private static final String EOF_EXPECTING_BRACE = "unexpected end of file, expecting \"}\"";

    /**
     * Blocks nested deeper than this are not built into the tree: their tokens are kept (the tree stays
     * lossless) but their directives are not analysed, and one syntax error says so. nginx itself caps
     * nothing but its own stack; the cap keeps the parser's and every tree walk's recursion bounded.
     */
    public static final int MAX_DEPTH = 1000;

    private final String text;
    private final SyntaxTree tree;
    private final List<SyntaxError> errors = new ArrayList<>();
    private final Lexer lexer;
    private Token pushedBack;
    private int pushedBackIndex;
    /** The index in the tree of the token {@link #nextSignificant()} returned last. */
    private int lastIndex = -1;
    /** One string per distinct directive name: a million {@code listen}s share one. */
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    private Parser(String text) {
        this.text = text;
        this.tree = new SyntaxTree(text);
        this.lexer = new Lexer(text, errors);
    }

    /** Parses {@code text}; always returns a tree covering all of it. */
    public static ParseResult parse(String text) {
        Parser parser = new Parser(text);
        parser.blockBody(parser.tree.root());
        parser.tree.trim();
        parser.errors.sort(java.util.Comparator.comparing(SyntaxError::range));
        return new ParseResult(parser.tree, parser.errors);
    }

    /** The next non-trivia token, recording every token read in the tree; {@code null} at the end. */
    private Token nextSignificant() {
        if (pushedBack != null) {
            Token t = pushedBack;
            pushedBack = null;
            lastIndex = pushedBackIndex;
            return t;
        }
        Token t;
        while ((t = lexer.next()) != null) {
            int index = tree.addToken(t);
            if (!t.kind().isTrivia()) {
                lastIndex = index;
                return t;
            }
        }
        return null;
    }

    /**
     * Reads the body of {@code outer} (the root) to its end. Blocks are entered and left on a heap stack,
     * not by recursion, so the Java stack does not grow with the nesting.
     */
    private void blockBody(Block outer) {
        Deque<Block> open = new ArrayDeque<>();
        Block block = outer;
        Directive current = null;
        while (true) {
            Token t = nextSignificant();
            if (current != null) {
                if (t == null) {
                    error(endOfText(), EOF_EXPECTING_SEMICOLON);
                    current = null;
                    continue;
                }
                switch (t.kind()) {
                    case SEMICOLON -> {
                        current.terminate(lastIndex);
                        current = null;
                    }
                    case LBRACE -> {
                        Block body = new Block(tree, current, t);
                        current.attach(body);
                        if (current.name().endsWith("_by_lua_block")) {
                            luaBody(body);
                        } else if (open.size() >= MAX_DEPTH) {
                            error(t.range(), "blocks nested deeper than " + MAX_DEPTH
                                    + " levels: the inner blocks are not analysed");
                            skipBody(body);
                        } else {
                            open.push(block);
                            block = body;
                        }
                        current = null;
                    }
                    case RBRACE -> {
                        // nginx: 'unexpected "}"'. The directive ends here unterminated; the brace then
                        // closes the enclosing block as the author most likely meant.
                        error(t.range(), "unexpected \"}\"");
                        if (!block.isRoot()) {
                            pushedBack = t;
                            pushedBackIndex = lastIndex;
                        }
                        current = null;
                    }
                    default -> current.addArg(lastIndex);
                }
                continue;
            }
            if (t == null) {
                if (!block.isRoot()) {
                    error(endOfText(), EOF_EXPECTING_BRACE);
                }
                return;
            }
            switch (t.kind()) {
                case RBRACE -> {
                    if (block.isRoot()) {
                        error(t.range(), "unexpected \"}\"");
                    } else {
                        block.close(t);
                        block = open.pop();
                    }
                }
                case SEMICOLON -> error(t.range(), "unexpected \";\"");
                case LBRACE -> {
                    // A block with no directive name: nginx stops here; we read its body so that its
                    // closing brace does not close the enclosing block.
                    error(t.range(), "unexpected \"{\"");
                    Block orphan = new Block(tree, null, t);
                    tree.addDetached(orphan);
                    if (open.size() >= MAX_DEPTH) {
                        skipBody(orphan);
                    } else {
                        open.push(block);
                        block = orphan;
                    }
                }
                default -> {
                    String name = Values.unquote(t, text);
                    String shared = names.putIfAbsent(name, name);
                    current = new Directive(tree, block, lastIndex, shared != null ? shared : name);
                    block.add(current);
                }
            }
        }
    }

    /** Keeps every token up to the brace that closes {@code body} in the tree, building no directives. */
    private void skipBody(Block body) {
        body.markUnbuilt();
        long open = 1;
        Token t;
        while ((t = nextSignificant()) != null) {
            if (t.kind() == TokenKind.LBRACE) {
                open++;
            } else if (t.kind() == TokenKind.RBRACE && --open == 0) {
                body.close(t);
                return;
            }
        }
        body.runsTo(text.length());
        error(endOfText(), EOF_EXPECTING_BRACE);
    }

    private void luaBody(Block body) {
        Token code = lexer.nextLuaBody();
        if (code != null) {
            tree.addToken(code);
            body.lua(code);
        }
        Token close = lexer.next();
        if (close == null) {
            error(endOfText(), EOF_EXPECTING_BRACE);
            return;
        }
        tree.addToken(close);
        body.close(close);
    }

    private TextRange endOfText() {
        return TextRange.at(text.length());
    }

    private void error(TextRange range, String message) {
        SyntaxError error = new SyntaxError(range, message);
        // Every block left open at the end of the file would say the same thing at the same place.
        if (!errors.isEmpty() && errors.get(errors.size() - 1).equals(error)) {
            return;
        }
        errors.add(error);
    }
}
