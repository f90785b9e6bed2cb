package dev.handshake.nginx;

import dev.handshake.syntax.Directive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block in its effective position (http, server, location...), holding its own directives and,
 * spliced in where they are included, those of included files.
 */
public final class Scope {

    private final ScopeKind kind;
    private final Statement opener;
    private final Scope parent;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Scope> children = new ArrayList<>();
    /**
     * A large scope's statements by name, built on the first {@link #statements(String)} after the last
     * {@link #add}: rules ask every location's enclosing scopes for a directive, and an http block of
     * 375,000 servers scanned once per location made checking a 60 MB config quadratic. Published
     * whole (read by the analysis and the FX thread); small scopes are scanned.
     */
    private volatile Map<String, List<Statement>> byName;
    private static final int INDEXED = 16;

    Scope(ScopeKind kind, Statement opener, Scope parent) {
        this.kind = kind;
        this.opener = opener;
        this.parent = parent;
    }

    void add(Statement statement) {
        statements.add(statement);
        byName = null;
    }

    void addChild(Scope child) {
        children.add(child);
    }

    public ScopeKind kind() {
        return kind;
    }

    /** The block directive that opens this scope ({@code location /api}); {@code null} for the root. */
    public Statement opener() {
        return opener;
    }

    public Directive directive() {
        return opener == null ? null : opener.directive();
    }

    public Scope parent() {
        return parent;
    }

    /** Directives directly in this scope, includes expanded, in nginx's reading order. */
    public List<Statement> statements() {
        return Collections.unmodifiableList(statements);
    }

    /** Directives named {@code name} directly in this scope. */
    public List<Statement> statements(String name) {
        if (statements.size() > INDEXED) {
            Map<String, List<Statement>> index = byName;
            if (index == null) {
                index = new HashMap<>();
                for (Statement s : statements) {
                    index.computeIfAbsent(s.name(), k -> new ArrayList<>(2)).add(s);
                }
                byName = index;
            }
            return new ArrayList<>(index.getOrDefault(name, List.of()));
        }
        List<Statement> found = new ArrayList<>();
        for (Statement s : statements) {
            if (s.name().equals(name)) {
                found.add(s);
            }
        }
        return found;
    }

    public List<Scope> children() {
        return Collections.unmodifiableList(children);
    }

    /** The nearest enclosing scope of {@code wanted} kind, this one included; {@code null} if none. */
    public Scope nearest(ScopeKind wanted) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.kind == wanted) {
                return s;
            }
        }
        return null;
    }

    /**
     * The scope where directives that are not allowed in {@code if}/{@code limit_except} must go:
     * this one, or the location that encloses an {@code if}/{@code limit_except}.
     */
    public Scope settingsHome() {
        Scope s = this;
        while ((s.kind == ScopeKind.IF || s.kind == ScopeKind.LIMIT_EXCEPT) && s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    /** Short description: {@code location /api}, {@code server}, {@code http}. */
    public String describe() {
        if (opener == null) {
            return kind.label();
        }
        Directive d = opener.directive();
        return d.argCount() == 0 ? d.name() : d.name() + " " + String.join(" ", d.args());
    }

    @Override
    public String toString() {
        return describe();
    }
}
