package dev.handshake.lint;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.Scope;
import dev.handshake.nginx.ScopeKind;
import dev.handshake.nginx.Statement;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.Token;
import dev.handshake.syntax.TokenKind;
import dev.handshake.text.Indentation;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the text edits quick fixes make: directives inserted after a statement with its block's own
 * indentation and line endings (inline when the block sits on one line), arguments replaced in place.
 * Nothing else in the file changes.
 */
public final class DirectiveEdits {

    private static final Pattern BARE = Pattern.compile("[^\\s;{}\"'#\\\\]+");

    private DirectiveEdits() {
    }

    /** {@code value} as an nginx argument: as it is when safe, else double-quoted with escapes. */
    public static String quote(String value) {
        if (!value.isEmpty() && BARE.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Inserts {@code directives} where every fix for {@code connection}'s block puts its lines: after
     * the first {@code *_pass} of its family in its home ({@link #insertForConnection}), so that fixes
     * for two passes of one location collide instead of writing the directives twice.
     */
    public static FileEdit insertForHome(ConfigModel model, UpstreamConnection connection, List<String> directives) {
        UpstreamConnection first = connection;
        for (UpstreamConnection c : model.connectionsOf(connection.home())) {
            if (c.family() == connection.family()) {
                first = c;
                break;
            }
        }
        return insertForConnection(first, directives);
    }

    /**
     * Inserts {@code directives} (each a full directive such as {@code proxy_ssl_server_name on;}) for a
     * connection: after its {@code *_pass} line, or, when the pass sits in an {@code if} or
     * {@code limit_except} (where TLS directives are not allowed), before that block in its location.
     */
    public static FileEdit insertForConnection(UpstreamConnection connection, List<String> directives) {
        Statement anchor = connection.pass();
        Scope scope = connection.scope();
        while (scope.kind() == ScopeKind.IF || scope.kind() == ScopeKind.LIMIT_EXCEPT) {
            if (scope.opener() == null || scope.parent() == null) {
                break;
            }
            anchor = scope.opener();
            scope = scope.parent();
            if (scope.kind() != ScopeKind.IF && scope.kind() != ScopeKind.LIMIT_EXCEPT) {
                return insertBefore(anchor, directives);
            }
        }
        return insertAfter(anchor, directives);
    }

    /** Inserts {@code directives} right after {@code anchor}, on new lines indented like it. */
    public static FileEdit insertAfter(Statement anchor, List<String> directives) {
        ConfigFile file = anchor.file();
        String text = file.text();
        Directive d = anchor.directive();
        int end = d.range().end();
        int lineEnd = endOfLine(text, end);
        if (!onlyTriviaBetween(file, end, lineEnd)) {
            return new FileEdit(file.path(), TextEdit.insert(end, " " + String.join(" ", directives)));
        }
        String indent = indentFor(file, d);
        String eol = file.source().eol();
        StringBuilder inserted = new StringBuilder();
        boolean atEndOfText = lineEnd == text.length();
        int at = atEndOfText ? lineEnd : afterLineBreak(text, lineEnd);
        for (String directive : directives) {
            if (atEndOfText) {
                inserted.append(eol).append(indent).append(directive);
            } else {
                inserted.append(indent).append(directive).append(eol);
            }
        }
        return new FileEdit(file.path(), TextEdit.insert(at, inserted.toString()));
    }

    /** Inserts {@code directives} on new lines just before {@code anchor}'s line, indented like it. */
    public static FileEdit insertBefore(Statement anchor, List<String> directives) {
        ConfigFile file = anchor.file();
        String text = file.text();
        Directive d = anchor.directive();
        int start = d.range().start();
        int lineStart = startOfLine(text, start);
        if (!text.substring(lineStart, start).isBlank()) {
            return new FileEdit(file.path(), TextEdit.insert(start, String.join(" ", directives) + " "));
        }
        String indent = text.substring(lineStart, start);
        String eol = file.source().eol();
        StringBuilder inserted = new StringBuilder();
        for (String directive : directives) {
            inserted.append(indent).append(directive).append(eol);
        }
        return new FileEdit(file.path(), TextEdit.insert(lineStart, inserted.toString()));
    }

    /**
     * Inserts {@code directives} as the first lines inside the block {@code opener} opens (an http or
     * server block), one level deeper than the opener.
     */
    public static FileEdit insertAtBlockStart(Statement opener, List<String> directives) {
        ConfigFile file = opener.file();
        String text = file.text();
        Token open = opener.directive().block().open();
        int lineEnd = endOfLine(text, open.end());
        String indent = indentOfLine(text, opener.directive().range().start()) + Indentation.unit(text);
        String eol = file.source().eol();
        if (!onlyTriviaBetween(file, open.end(), lineEnd) || lineEnd == text.length()) {
            return new FileEdit(file.path(), TextEdit.insert(open.end(), " " + String.join(" ", directives)));
        }
        StringBuilder inserted = new StringBuilder();
        for (String directive : directives) {
            inserted.append(indent).append(directive).append(eol);
        }
        return new FileEdit(file.path(), TextEdit.insert(afterLineBreak(text, lineEnd), inserted.toString()));
    }

    /** Replaces argument {@code index} of {@code statement} with {@code newText} (written as given). */
    public static FileEdit replaceArg(Statement statement, int index, String newText) {
        Token arg = statement.directive().argTokens().get(index);
        return new FileEdit(statement.path(), new TextEdit(arg.range(), newText));
    }

    /**
     * Rewrites a statement nginx refuses for its argument count as {@code directive} (a full line with
     * its {@code ;}): an argument-less one wholly; one with more than {@code max} arguments (a missing
     * {@code ;} joined the next line) up to its {@code max}-th argument, so what follows stays.
     */
    public static FileEdit rewriteBroken(Statement statement, int max, String directive) {
        int end = statement.range().end();
        if (statement.directive().argCount() > max && max > 0) {
            end = statement.directive().argTokens().get(max - 1).range().end();
        }
        return new FileEdit(statement.path(), new TextEdit(new TextRange(statement.range().start(), end), directive));
    }

    /** Removes a statement; when it is alone on its line, the whole line goes. */
    public static FileEdit delete(Statement statement) {
        ConfigFile file = statement.file();
        String text = file.text();
        TextRange r = statement.range();
        int lineStart = startOfLine(text, r.start());
        int lineEnd = endOfLine(text, r.end());
        if (text.substring(lineStart, r.start()).isBlank() && onlyTriviaBetween(file, r.end(), lineEnd)
                && !hasCommentBetween(file, r.end(), lineEnd)) {
            return new FileEdit(file.path(), TextEdit.delete(new TextRange(lineStart, afterLineBreak(text, lineEnd))));
        }
        return new FileEdit(file.path(), TextEdit.delete(r));
    }

    /** The indentation of {@code d}'s line when it starts the line; else one level inside its block. */
    private static String indentFor(ConfigFile file, Directive d) {
        String text = file.text();
        int lineStart = startOfLine(text, d.range().start());
        String before = text.substring(lineStart, d.range().start());
        if (before.isBlank()) {
            return before;
        }
        Directive owner = d.enclosing();
        String base = owner == null ? "" : indentOfLine(text, owner.range().start());
        return base + Indentation.unit(text);
    }

    private static String indentOfLine(String text, int offset) {
        int lineStart = startOfLine(text, offset);
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    private static boolean onlyTriviaBetween(ConfigFile file, int from, int to) {
        List<Token> tokens = file.tree().tokens();
        for (int i = Math.max(file.tree().tokenIndexAt(from), 0); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= to) {
                break;
            }
            if (t.end() > from && !t.kind().isTrivia()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCommentBetween(ConfigFile file, int from, int to) {
        for (Token t : file.tree().tokens()) {
            if (t.kind() == TokenKind.COMMENT && t.start() >= from && t.start() < to) {
                return true;
            }
        }
        return false;
    }

    static int startOfLine(String text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** Offset of the line break ending the line of {@code offset}, or the text length. */
    static int endOfLine(String text, int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int afterLineBreak(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            return lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
        return Math.min(lineEnd + 1, text.length());
    }
}
