package dev.handshake.syntax;

import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One directive: a name, its arguments, and either a terminating {@code ;} or a block. Either may be
 * missing in a broken file; {@link #range()} then ends at the last token that belongs to it.
 */
public final class Directive {

    private final SyntaxTree tree;
    private final Block parent;
    private final Token name;
    /** Shared empty list until the first argument: most block directives and many others have none. */
    private List<Token> args = List.of();
    private Token semicolon;
    private Block block;
    private final String unquotedName;

    /** {@code unquotedName} is the name token as nginx reads it, shared by every directive of that name. */
    Directive(SyntaxTree tree, Block parent, Token name, String unquotedName) {
        this.tree = tree;
        this.parent = parent;
        this.name = name;
        this.unquotedName = unquotedName;
    }

    void addArg(Token arg) {
        if (args.isEmpty()) {
            args = new ArrayList<>(2);
        }
        args.add(arg);
    }

    void terminate(Token semicolonToken) {
        this.semicolon = semicolonToken;
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
        return name;
    }

    /** The directive name as nginx reads it (quotes removed). */
    public String name() {
        return unquotedName;
    }

    public List<Token> argTokens() {
        return Collections.unmodifiableList(args);
    }

    public int argCount() {
        return args.size();
    }

    /** Argument {@code i} as nginx reads it (quotes removed, escapes resolved). */
    public String arg(int i) {
        return Values.unquote(args.get(i), tree.text());
    }

    /** All arguments as nginx reads them. */
    public List<String> args() {
        List<String> values = new ArrayList<>(args.size());
        for (Token arg : args) {
            values.add(Values.unquote(arg, tree.text()));
        }
        return values;
    }

    /** The {@code ;} ending this directive, or {@code null} for a block directive or a missing one. */
    public Token semicolon() {
        return semicolon;
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
        return semicolon != null || (block != null && block.close() != null);
    }

    /** From the first character of the name to the {@code ;} or closing brace, both included. */
    public TextRange range() {
        int end = name.end();
        if (!args.isEmpty()) {
            end = args.get(args.size() - 1).end();
        }
        if (semicolon != null) {
            end = semicolon.end();
        } else if (block != null) {
            end = block.range().end();
        }
        return new TextRange(name.start(), end);
    }

    /** The name and arguments, without the {@code ;} or block. */
    public TextRange headRange() {
        int end = args.isEmpty() ? name.end() : args.get(args.size() - 1).end();
        return new TextRange(name.start(), end);
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
        return name() + (args.isEmpty() ? "" : " " + String.join(" ", args())) + (block != null ? " {...}" : ";");
    }
}
