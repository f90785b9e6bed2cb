package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** A parsed text: every token (trivia included) and the tree of blocks and directives over them. */
public final class SyntaxTree {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final Block root;
    private final List<Block> detached = new ArrayList<>();

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

    void addDetached(Block block) {
        detached.add(block);
    }

    /**
     * Blocks opened by a {@code {} with no directive name (a syntax error): read so that their closing
     * brace does not close the enclosing block, but owned by no directive, so {@link #walk} never
     * reaches them.
     */
    public List<Block> detachedBlocks() {
        return Collections.unmodifiableList(detached);
    }

    /** Visits every directive in document order, depth first (on a heap stack, however deep the tree). */
    public void walk(Consumer<Directive> visitor) {
        Deque<Iterator<Directive>> open = new ArrayDeque<>();
        open.push(root.directives().iterator());
        while (!open.isEmpty()) {
            Iterator<Directive> level = open.peek();
            if (!level.hasNext()) {
                open.pop();
                continue;
            }
            Directive d = level.next();
            visitor.accept(d);
            if (d.block() != null) {
                open.push(d.block().directives().iterator());
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
