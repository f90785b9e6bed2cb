package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of a block directive between braces, or the whole file (the root block, which has no
 * owner and no braces). A {@code *_by_lua_block} body holds Lua code instead of directives.
 */
public final class Block {

    private final SyntaxTree tree;
    private final Directive owner;
    private final Token open;
    private Token close;
    private Token luaCode;
    private boolean unbuilt;
    private int unclosedEnd = -1;
    private final List<Directive> directives = new ArrayList<>();

    Block(SyntaxTree tree, Directive owner, Token open) {
        this.tree = tree;
        this.owner = owner;
        this.open = open;
    }

    void add(Directive directive) {
        directives.add(directive);
    }

    void close(Token closeBrace) {
        this.close = closeBrace;
    }

    void markUnbuilt() {
        this.unbuilt = true;
    }

    /** An unbuilt block left open runs to the end of the text: its range covers the tokens skipped. */
    void runsTo(int offset) {
        this.unclosedEnd = offset;
    }

    /**
     * True for a block nested past {@link Parser#MAX_DEPTH}: its tokens are in the tree (it saves byte
     * for byte) but no directives were built from them, so nothing that walks directives sees them.
     */
    public boolean isUnbuilt() {
        return unbuilt;
    }

    void lua(Token code) {
        this.luaCode = code;
    }

    public SyntaxTree tree() {
        return tree;
    }

    /** The directive whose block this is; {@code null} for the root block. */
    public Directive owner() {
        return owner;
    }

    /** True for the file's root block (no braces). */
    public boolean isRoot() {
        return open == null;
    }

    public Token open() {
        return open;
    }

    /** The closing brace, or {@code null} for the root block or when it is missing. */
    public Token close() {
        return close;
    }

    /** The Lua code of a {@code *_by_lua_block}, or {@code null}. */
    public Token luaCode() {
        return luaCode;
    }

    public List<Directive> directives() {
        return Collections.unmodifiableList(directives);
    }

    /** Directives named {@code name} directly in this block. */
    public List<Directive> directives(String name) {
        List<Directive> found = new ArrayList<>();
        for (Directive d : directives) {
            if (d.name().equals(name)) {
                found.add(d);
            }
        }
        return found;
    }

    /** From the opening brace to the closing one (both included); the whole text for the root. */
    public TextRange range() {
        if (open == null) {
            return new TextRange(0, tree.text().length());
        }
        int end = open.end();
        if (close != null) {
            end = close.end();
        } else if (!directives.isEmpty()) {
            end = directives.get(directives.size() - 1).range().end();
        } else if (luaCode != null) {
            end = luaCode.end();
        } else if (unclosedEnd >= 0) {
            end = unclosedEnd;
        }
        return new TextRange(open.start(), end);
    }

    /** Between the braces (the whole text for the root). */
    public TextRange innerRange() {
        TextRange all = range();
        if (open == null) {
            return all;
        }
        return new TextRange(open.end(), close != null ? close.start() : all.end());
    }
}
