package dev.handshake.syntax;

import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Format Document: every line indented by its block depth ({@value #INDENT} spaces a level), runs of
 * spaces between the words of a directive made one, no space before {@code ;}, one before {@code {},
 * trailing spaces removed. Everything else stays as written: every comment, every quote, every blank
 * line, every line ending, and the bodies of Lua blocks and of {@code map}/{@code geo}/{@code types}
 * style tables (their alignment is the author's). Words that touch are never separated, so the result
 * parses to the same directives and arguments; formatting twice changes nothing.
 */
public final class Formatter {

    /** Spaces per block level. */
    public static final int INDENT = 4;

    private static final Set<String> TABLES = Set.of("map", "geo", "types", "split_clients", "charset_map", "match");

    private Formatter() {
    }

    /** The formatted text, or empty when {@code result} has syntax errors (nothing to trust the depth of). */
    public static Optional<String> format(ParseResult result) {
        if (result.hasErrors()) {
            return Optional.empty();
        }
        SyntaxTree tree = result.tree();
        String text = tree.text();
        List<TextRange> verbatim = verbatimRanges(tree);
        List<Token> tokens = tree.tokens();
        StringBuilder out = new StringBuilder(text.length() + 64);
        StringBuilder line = new StringBuilder();
        int depth = 0;
        boolean lineStart = true;
        boolean pendingSpace = false;
        int nextRange = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            while (nextRange < verbatim.size() && verbatim.get(nextRange).start() < token.start()) {
                nextRange++;
            }
            TextRange kept = nextRange < verbatim.size() && verbatim.get(nextRange).start() == token.start()
                    && verbatim.get(nextRange).end() > token.start() ? verbatim.get(nextRange) : null;
            if (kept != null) {
                // Copy the body as it is; the closing brace that follows is handled as a token again.
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(text, kept.start(), kept.end());
                int end = kept.end();
                while (i + 1 < tokens.size() && tokens.get(i + 1).start() < end) {
                    i++;
                }
                lineStart = text.charAt(kept.end() - 1) == '\n';
                if (lineStart) {
                    out.append(line);
                    line.setLength(0);
                }
                continue;
            }
            switch (token.kind()) {
                case NEWLINE -> {
                    out.append(stripTrailing(line)).append(token.text(text));
                    line.setLength(0);
                    lineStart = true;
                    pendingSpace = false;
                }
                case WHITESPACE -> {
                    if (!lineStart) {
                        pendingSpace = true;
                    }
                }
                default -> {
                    if (token.kind() == TokenKind.RBRACE) {
                        depth = Math.max(0, depth - 1);
                    }
                    if (lineStart) {
                        line.append(" ".repeat(depth * INDENT));
                        lineStart = false;
                    } else if (token.kind() == TokenKind.LBRACE || token.kind() == TokenKind.COMMENT) {
                        line.append(' ');
                    } else if (pendingSpace && token.kind() != TokenKind.SEMICOLON) {
                        line.append(' ');
                    }
                    pendingSpace = false;
                    line.append(token.text(text));
                    if (token.kind() == TokenKind.LBRACE) {
                        depth++;
                    }
                }
            }
        }
        out.append(stripTrailing(line));
        return Optional.of(out.toString());
    }

    /**
     * Format Selection: the text with only the lines of the statements that {@code selection} touches
     * formatted as {@link #format} would format them, every other line kept byte for byte. The selection
     * counts in whole lines (one ending at the start of a line leaves that line out) and grows to whole
     * statements: a directive written over several lines is formatted whole, and of a block only the lines
     * the selection touches (its head, its closing brace, the statements inside it that are selected).
     * Empty when {@code result} has syntax errors, as for {@link #format}.
     */
    public static Optional<String> formatLines(ParseResult result, TextRange selection) {
        Optional<String> whole = format(result);
        if (whole.isEmpty()) {
            return whole;
        }
        String text = result.tree().text();
        LineIndex before = new LineIndex(text);
        LineIndex after = new LineIndex(whole.get());
        if (before.lineCount() != after.lineCount()) {
            // The formatter only changes spaces within lines; were that ever broken, format nothing.
            return Optional.empty();
        }
        int from = Math.max(0, Math.min(selection.start(), text.length()));
        int to = Math.max(from, Math.min(selection.end(), text.length()));
        if (to > from && text.charAt(to - 1) == '\n') {
            to--;
        }
        int first = before.line(from);
        int last = before.line(to);
        List<TextRange> statements = statements(result.tree());
        boolean grown = true;
        while (grown) {
            grown = false;
            int spanStart = before.lineStart(first);
            int spanEnd = lineEnd(before, last, text);
            for (TextRange statement : statements) {
                if (statement.start() < spanEnd && statement.end() > spanStart) {
                    int statementFirst = before.line(statement.start());
                    int statementLast = before.line(Math.max(statement.start(), statement.end() - 1));
                    if (statementFirst < first || statementLast > last) {
                        first = Math.min(first, statementFirst);
                        last = Math.max(last, statementLast);
                        grown = true;
                    }
                }
            }
        }
        return Optional.of(text.substring(0, before.lineStart(first))
                + whole.get().substring(after.lineStart(first), lineEnd(after, last, whole.get()))
                + text.substring(lineEnd(before, last, text)));
    }

    /** Offset just past 1-based {@code line}'s line break (the text's end for the last line). */
    private static int lineEnd(LineIndex lines, int line, String text) {
        return line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    }

    /** Each directive's own lines: a simple directive whole, a block's head and its closing brace apart. */
    private static List<TextRange> statements(SyntaxTree tree) {
        List<TextRange> statements = new ArrayList<>();
        tree.walk(d -> {
            Block block = d.block();
            if (block == null) {
                statements.add(d.range());
                return;
            }
            int headEnd = block.open() != null ? block.open().end() : d.headRange().end();
            statements.add(new TextRange(d.range().start(), headEnd));
            if (block.close() != null) {
                statements.add(block.close().range());
            }
        });
        // A string or Lua body spanning lines is one token: its lines go together too.
        for (Token token : tree.tokens()) {
            if (token.kind() != TokenKind.NEWLINE && token.text(tree.text()).indexOf('\n') >= 0) {
                statements.add(token.range());
            }
        }
        return statements;
    }

    /** Whether {@code text} is already formatted (a file with syntax errors counts as formatted: it is left alone). */
    public static boolean isFormatted(String text) {
        return format(Parser.parse(text)).map(text::equals).orElse(true);
    }

    /** Lua bodies and table block bodies, from just after their {@code {} to just before their {@code }}. */
    private static List<TextRange> verbatimRanges(SyntaxTree tree) {
        List<TextRange> ranges = new ArrayList<>();
        for (Token token : tree.tokens()) {
            if (token.kind() == TokenKind.LUA_CODE) {
                ranges.add(token.range());
            }
        }
        tree.walk(d -> {
            Block block = d.block();
            if (block != null && TABLES.contains(d.name()) && block.close() != null) {
                TextRange inner = block.innerRange();
                if (inner.end() > inner.start()) {
                    ranges.add(bodyLines(tree.text(), inner));
                }
            }
        });
        ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return ranges;
    }

    /**
     * A table body kept from its first line break to the start of the closing brace's line, so the
     * brace lines around it are still indented; a one-line body is kept whole.
     */
    private static TextRange bodyLines(String text, TextRange inner) {
        int firstBreak = text.indexOf('\n', inner.start());
        if (firstBreak < 0 || firstBreak >= inner.end()) {
            return inner;
        }
        int lastBreak = text.lastIndexOf('\n', inner.end() - 1);
        if (lastBreak <= firstBreak) {
            return new TextRange(firstBreak + 1, firstBreak + 1);
        }
        return new TextRange(firstBreak + 1, lastBreak + 1);
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }
}
