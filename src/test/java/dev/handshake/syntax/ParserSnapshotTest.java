package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.Snapshots;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each parser input {@code src/test/resources/parser/<name>.conf} beside {@code <name>.snap}: a dump of
 * the syntax tree (after rust-analyzer's parser tests) with every block, directive, name, argument,
 * semicolon, comment, Lua body and detached block with its {@code line:col-line:col} range, then the
 * syntax errors. Updated with {@code -Dsnapshots.update=true} (see {@link Snapshots}).
 */
class ParserSnapshotTest {

    @TestFactory
    Stream<DynamicTest> inputs() {
        return Snapshots.forEachInput("parser", 1, name -> true, ParserSnapshotTest::check);
    }

    private static void check(Snapshots.Input input) throws IOException {
        String text = Files.readString(input.file(), StandardCharsets.UTF_8);
        ParseResult parse = Parser.parse(text);
        assertEquals(text, parse.tree().tokens().stream().map(t -> t.text(text)).collect(Collectors.joining()),
                "the tokens give back the text");
        Snapshots.assertMatches(input.snapshot(), new TreeDump(parse).render(),
                ParserSnapshotTest.class.getSimpleName());
    }

    /** The indented dump of one parse. */
    private static final class TreeDump {
        private final ParseResult parse;
        private final String text;
        private final LineIndex lines;
        private final List<Token> comments;
        private final StringBuilder out = new StringBuilder();

        TreeDump(ParseResult parse) {
            this.parse = parse;
            this.text = parse.tree().text();
            this.lines = new LineIndex(text);
            this.comments = parse.tree().comments();
        }

        String render() {
            block("root", parse.tree().root(), 0);
            if (parse.errors().isEmpty()) {
                out.append("no errors\n");
            }
            for (SyntaxError error : parse.errors()) {
                out.append("error ").append(Snapshots.where(lines, error.range())).append(": ").append(error.message())
                        .append('\n');
            }
            return out.toString();
        }

        private void block(String label, Block block, int depth) {
            line(depth, label + " " + Snapshots.where(lines, block.range())
                    + (block.isRoot() || block.close() != null ? "" : " (unclosed)")
                    + (block.isUnbuilt() ? " (unbuilt: nested too deep)" : ""));
            List<Object> children = new ArrayList<>(block.directives());
            children.addAll(detachedIn(block));
            List<TextRange> taken = new ArrayList<>();
            for (Object child : children) {
                taken.add(child instanceof Directive d ? d.range() : ((Block) child).range());
            }
            TextRange inner = block.innerRange();
            for (Token c : comments) {
                if (inner.contains(c.range()) && taken.stream().noneMatch(r -> r.contains(c.range()))) {
                    children.add(c);
                }
            }
            if (block.luaCode() != null) {
                children.add(block.luaCode());
            }
            children.sort(Comparator.comparingInt(ParserSnapshotTest.TreeDump::start));
            for (Object child : children) {
                if (child instanceof Directive d) {
                    directive(d, depth + 1);
                } else if (child instanceof Block b) {
                    block("detached block", b, depth + 1);
                } else {
                    token((Token) child, depth + 1);
                }
            }
        }

        private void directive(Directive d, int depth) {
            line(depth, "directive " + d.name() + " " + Snapshots.where(lines, d.range())
                    + (d.isTerminated() ? "" : " (unterminated)"));
            int headEnd = d.block() != null ? d.block().open().start() : d.range().end();
            List<Token> parts = new ArrayList<>();
            parts.add(d.nameToken());
            parts.addAll(d.argTokens());
            for (Token c : comments) {
                if (c.start() >= d.nameToken().end() && c.end() <= headEnd) {
                    parts.add(c);
                }
            }
            if (d.semicolon() != null) {
                parts.add(d.semicolon());
            }
            parts.sort(Comparator.comparingInt(Token::start));
            for (Token part : parts) {
                String role = part.equals(d.nameToken()) ? "name" : part.kind() == TokenKind.COMMENT ? null
                        : part.kind() == TokenKind.SEMICOLON ? "semicolon" : "arg";
                if (role == null) {
                    token(part, depth + 1);
                } else if (role.equals("semicolon")) {
                    line(depth + 1, "semicolon " + Snapshots.where(lines, part.range()));
                } else {
                    String raw = part.text(text);
                    String read = Values.unquote(part, text);
                    line(depth + 1, role + " " + Snapshots.where(lines, part.range()) + " " + part.kind() + " "
                            + escaped(raw) + (read.equals(raw) ? "" : " = " + escaped(read)));
                }
            }
            if (d.block() != null) {
                block("block", d.block(), depth + 1);
            }
        }

        private void token(Token t, int depth) {
            String kind = t.kind() == TokenKind.COMMENT ? "comment" : "lua";
            line(depth, kind + " " + Snapshots.where(lines, t.range()) + " " + escaped(t.text(text)));
        }

        /** Detached blocks directly in {@code block}: inside it, outside its directives and other detached blocks. */
        private List<Block> detachedIn(Block block) {
            List<Block> inside = new ArrayList<>();
            for (Block b : parse.tree().detachedBlocks()) {
                TextRange r = b.range();
                if (b != block && block.innerRange().contains(r)
                        && block.directives().stream().noneMatch(d -> d.range().contains(r))) {
                    inside.add(b);
                }
            }
            inside.removeIf(b -> inside.stream().anyMatch(o -> o != b && o.range().contains(b.range())));
            return inside;
        }

        private static int start(Object node) {
            if (node instanceof Directive d) {
                return d.range().start();
            }
            return node instanceof Block b ? b.range().start() : ((Token) node).start();
        }

        private void line(int depth, String content) {
            out.append("  ".repeat(depth)).append(content).append('\n');
        }

        /** The text in one line: line breaks and tabs escaped as \\r, \\n, \\t. */
        private static String escaped(String s) {
            return "`" + s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "`";
        }
    }
}
