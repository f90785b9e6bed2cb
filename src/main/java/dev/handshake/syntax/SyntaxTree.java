package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A parsed text: every token (trivia included) and the tree of blocks and directives over them. */
public final class SyntaxTree {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final Block root;

    SyntaxTree(String text) {
        this.text = text;
        this.root = new Block(this, null, null);
    }

    void addToken(Token token) {
        tokens.add(token);
    }

    public String text() {
        return text;
    }

    /** Every token in order; their texts joined give back {@link #text()} exactly. */
    public List<Token> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    public Block root() {
        return root;
    }

    /** Visits every directive in document order, depth first. */
    public void walk(Consumer<Directive> visitor) {
        walk(root, visitor);
    }

    private static void walk(Block block, Consumer<Directive> visitor) {
        for (Directive d : block.directives()) {
            visitor.accept(d);
            if (d.block() != null) {
                walk(d.block(), visitor);
            }
        }
    }

    /** All directives in document order. */
    public List<Directive> directives() {
        List<Directive> all = new ArrayList<>();
        walk(all::add);
        return all;
    }

    /** Index of the token containing {@code offset} (the last token for the end of the text), or -1 if empty. */
    public int tokenIndexAt(int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (offset < t.start()) {
                hi = mid - 1;
            } else if (offset >= t.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return tokens.isEmpty() ? -1 : Math.min(lo, tokens.size() - 1);
    }

    /** The innermost directive whose range contains {@code offset}, or {@code null}. */
    public Directive directiveAt(int offset) {
        Directive found = null;
        Block block = root;
        outer:
        while (block != null) {
            for (Directive d : block.directives()) {
                TextRange r = d.range();
                if (offset >= r.start() && offset < Math.max(r.end(), r.start() + 1)) {
                    found = d;
                    block = d.block();
                    continue outer;
                }
            }
            break;
        }
        return found;
    }

    /** Comment tokens, in order. */
    public List<Token> comments() {
        List<Token> found = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == TokenKind.COMMENT) {
                found.add(t);
            }
        }
        return found;
    }
}
