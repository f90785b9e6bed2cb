package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * One directive: a name, its arguments, and either a terminating {@code ;} or a block. Either may be
 * missing in a broken file; {@link #range()} then ends at the last token that belongs to it.
 */
public final class Directive {

    private final SyntaxTree tree;
    private final Block parent;
    /** Token indices in {@link #tree}: tokens are kept as primitive arrays there, not as objects here. */
    private final int name;
    /** Where this directive's argument indices start in the tree's pool; -1 until the first. */
    private int firstArg = -1;
    private int argCount;
    private int semicolon = -1;
    private Block block;
    private final String unquotedName;

    /** {@code unquotedName} is the name token as nginx reads it, shared by every directive of that name. */
    Directive(SyntaxTree tree, Block parent, int name, String unquotedName) {
        this.tree = tree;
        this.parent = parent;
        this.name = name;
        this.unquotedName = unquotedName;
    }

    /** Arguments are added one directive at a time, so each directive's sit together in the pool. */
    void addArg(int tokenIndex) {
        int at = tree.addArg(tokenIndex);
        if (argCount == 0) {
            firstArg = at;
        }
        argCount++;
    }

    private int argIndex(int i) {
        return tree.argToken(firstArg + Objects.checkIndex(i, argCount));
    }

    void terminate(int semicolonIndex) {
        this.semicolon = semicolonIndex;
    }

    void attach(Block body) {
        this.block = body;
    }

    public SyntaxTree tree() {
        return tree;
    }

    /** The block this directive sits in; the file's root block at top level. */
    public Block parent() {
        return parent;
    }

    /** The directive that owns the enclosing block, or {@code null} at top level. */
    public Directive enclosing() {
        return parent.owner();
    }

    public Token nameToken() {
        return tree.token(name);
    }

    /** The directive name as nginx reads it (quotes removed). */
    public String name() {
        return unquotedName;
    }

    /** The argument tokens (made on demand from the tree's arrays). */
    public List<Token> argTokens() {
        return new AbstractList<>() {
            @Override
            public Token get(int i) {
                return tree.token(argIndex(i));
            }

            @Override
            public int size() {
                return argCount;
            }
        };
    }

    public int argCount() {
        return argCount;
    }

    /** Argument {@code i} as nginx reads it (quotes removed, escapes resolved). */
    public String arg(int i) {
        return Values.unquote(tree.token(argIndex(i)), tree.text());
    }

    /** All arguments as nginx reads them. */
    public List<String> args() {
        List<String> values = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            values.add(arg(i));
        }
        return values;
    }

    /** The {@code ;} ending this directive, or {@code null} for a block directive or a missing one. */
    public Token semicolon() {
        return semicolon < 0 ? null : tree.token(semicolon);
    }

    /** The block of a block directive, or {@code null}. */
    public Block block() {
        return block;
    }

    public boolean hasBlock() {
        return block != null;
    }

    /** True when the directive ends properly: with {@code ;} or with a closed block. */
    public boolean isTerminated() {
        return semicolon >= 0 || (block != null && block.close() != null);
    }

    /** From the first character of the name to the {@code ;} or closing brace, both included. */
    public TextRange range() {
        int end;
        if (semicolon >= 0) {
            end = tree.tokenEnd(semicolon);
        } else if (block != null) {
            end = block.range().end();
        } else {
            end = headEnd();
        }
        return new TextRange(tree.tokenStart(name), end);
    }

    /** The name and arguments, without the {@code ;} or block. */
    public TextRange headRange() {
        return new TextRange(tree.tokenStart(name), headEnd());
    }

    private int headEnd() {
        return tree.tokenEnd(argCount == 0 ? name : argIndex(argCount - 1));
    }

    /** Nesting depth: 0 at top level. */
    public int depth() {
        int depth = 0;
        for (Directive up = enclosing(); up != null; up = up.enclosing()) {
            depth++;
        }
        return depth;
    }

    @Override
    public String toString() {
        return name() + (argCount == 0 ? "" : " " + String.join(" ", args())) + (block != null ? " {...}" : ";");
    }
}
