package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;

/** A parsed text: every token (trivia included) and the tree of blocks and directives over them. */
public final class SyntaxTree {

    private final String text;
    private static final TokenKind[] KINDS = TokenKind.values();

    /**
     * Token {@code i} is {@code kinds[i]} over {@code [ends[i - 1], ends[i])} (tokens cover the text
     * without gaps, the first from 0): primitive arrays, not one object per token (a 60 MB file has 11
     * million of them). {@link Token}s are made on demand.
     */
    private byte[] kinds;
    private int[] ends;
    private int count;
    /** The token indices of every directive's arguments, each directive's side by side. */
    private int[] argPool = new int[64];
    private int argCount;
    private final List<Token> tokenView = new TokenList();
    private final Block root;
    private final List<Block> detached = new ArrayList<>();

    SyntaxTree(String text) {
        this.text = text;
        int expected = Math.max(64, text.length() / 6);
        this.kinds = new byte[expected];
        this.ends = new int[expected];
        this.root = new Block(this, null, null);
    }

    /** Appends a token, which must start where the previous one ended; returns its index. */
    int addToken(Token token) {
        if (token.start() != (count == 0 ? 0 : ends[count - 1])) {
            throw new IllegalStateException("token " + token + " leaves a gap after offset "
                    + (count == 0 ? 0 : ends[count - 1]));
        }
        if (count == kinds.length) {
            int grown = count + (count >> 1);
            kinds = Arrays.copyOf(kinds, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        kinds[count] = (byte) token.kind().ordinal();
        ends[count] = token.end();
        return count++;
    }

    /** Stores a directive's argument token index; returns its place in the pool. */
    int addArg(int tokenIndex) {
        if (argCount == argPool.length) {
            argPool = Arrays.copyOf(argPool, argCount + (argCount >> 1));
        }
        argPool[argCount] = tokenIndex;
        return argCount++;
    }

    int argToken(int poolIndex) {
        return argPool[poolIndex];
    }

    /** Drops the spare room the arrays grew into, once the parse is done. */
    void trim() {
        if (kinds.length - count > count / 4) {
            kinds = Arrays.copyOf(kinds, count);
            ends = Arrays.copyOf(ends, count);
        }
        if (argPool.length - argCount > argCount / 4) {
            argPool = Arrays.copyOf(argPool, argCount);
        }
    }

    /** Token {@code i}, made from the arrays. */
    public Token token(int i) {
        Objects.checkIndex(i, count);
        return new Token(KINDS[kinds[i]], tokenStart(i), ends[i]);
    }

    public int tokenCount() {
        return count;
    }

    public TokenKind tokenKind(int i) {
        return KINDS[kinds[Objects.checkIndex(i, count)]];
    }

    int tokenStart(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    int tokenEnd(int i) {
        return ends[i];
    }

    /** A read-only view: each {@code get} makes a small {@link Token}. */
    private final class TokenList extends AbstractList<Token> implements RandomAccess {
        @Override
        public Token get(int i) {
            return token(i);
        }

        @Override
        public int size() {
            return count;
        }
    }

    public String text() {
        return text;
    }

    /** Every token in order; their texts joined give back {@link #text()} exactly. */
    public List<Token> tokens() {
        return tokenView;
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
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offset < tokenStart(mid)) {
                hi = mid - 1;
            } else if (offset >= ends[mid]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return count == 0 ? -1 : Math.min(lo, count - 1);
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
        byte comment = (byte) TokenKind.COMMENT.ordinal();
        for (int i = 0; i < count; i++) {
            if (kinds[i] == comment) {
                found.add(token(i));
            }
        }
        return found;
    }
}
