package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link SyntaxTree} from text. Never throws and never stops early: each problem is recorded
 * with nginx's wording and parsing goes on, so one half-typed block does not cost the rest of the file
 * its tree.
 */
public final class Parser {

    private static final String EOF_EXPECTING_SEMICOLON = "unexpected end of file, expecting \";\" or \"}\"";
    private static final String EOF_EXPECTING_BRACE = "unexpected end of file, expecting \"}\"";

    private final String text;
    private final SyntaxTree tree;
    private final List<SyntaxError> errors = new ArrayList<>();
    private final Lexer lexer;
    private Token pushedBack;

    private Parser(String text) {
        this.text = text;
        this.tree = new SyntaxTree(text);
        this.lexer = new Lexer(text, errors);
    }

    /** Parses {@code text}; always returns a tree covering all of it. */
    public static ParseResult parse(String text) {
        Parser parser = new Parser(text);
        parser.blockBody(parser.tree.root());
        parser.errors.sort(java.util.Comparator.comparing(SyntaxError::range));
        return new ParseResult(parser.tree, parser.errors);
    }

    /** The next non-trivia token, recording every token read in the tree; {@code null} at the end. */
    private Token nextSignificant() {
        if (pushedBack != null) {
            Token t = pushedBack;
            pushedBack = null;
            return t;
        }
        Token t;
        while ((t = lexer.next()) != null) {
            tree.addToken(t);
            if (!t.kind().isTrivia()) {
                return t;
            }
        }
        return null;
    }

    private void blockBody(Block block) {
        while (true) {
            Token t = nextSignificant();
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
                        return;
                    }
                }
                case SEMICOLON -> error(t.range(), "unexpected \";\"");
                case LBRACE -> {
                    // A block with no directive name: nginx stops here; we read its body so that its
                    // closing brace does not close the enclosing block.
                    error(t.range(), "unexpected \"{\"");
                    Block orphan = new Block(tree, null, t);
                    blockBody(orphan);
                }
                default -> directive(block, t);
            }
        }
    }

    private void directive(Block parent, Token name) {
        Directive d = new Directive(tree, parent, name);
        parent.add(d);
        while (true) {
            Token t = nextSignificant();
            if (t == null) {
                error(endOfText(), EOF_EXPECTING_SEMICOLON);
                return;
            }
            switch (t.kind()) {
                case SEMICOLON -> {
                    d.terminate(t);
                    return;
                }
                case LBRACE -> {
                    Block body = new Block(tree, d, t);
                    d.attach(body);
                    if (d.name().endsWith("_by_lua_block")) {
                        luaBody(body);
                    } else {
                        blockBody(body);
                    }
                    return;
                }
                case RBRACE -> {
                    // nginx: 'unexpected "}"'. The directive ends here unterminated; the brace then
                    // closes the enclosing block as the author most likely meant.
                    error(t.range(), "unexpected \"}\"");
                    if (!parent.isRoot()) {
                        pushedBack = t;
                    }
                    return;
                }
                default -> d.addArg(t);
            }
        }
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
        errors.add(new SyntaxError(range, message));
    }
}
