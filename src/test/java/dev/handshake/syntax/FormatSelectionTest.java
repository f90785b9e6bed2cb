package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Format Selection: only the selected statements' lines change, the rest stays byte for byte. */
class FormatSelectionTest {

    private static final String MESSY = "http {\n"
            + "server {\n"
            + "  listen   80 ;\n"
            + "    server_name    a.example\n"
            + "          b.example ;\n"
            + "      location / {\n"
            + "  proxy_pass   https://up ;  # keep   me\n"
            + "  }\n"
            + "}\n"
            + "}\n";

    private static String formatLines(String text, int from, int to) {
        return Formatter.formatLines(Parser.parse(text), new TextRange(from, to)).orElseThrow();
    }

    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset;
    }

    @Test
    void onlyTheSelectedLinesAreFormatted() {
        int at = MESSY.indexOf("listen");
        String result = formatLines(MESSY, at + 2, at + 4);
        assertEquals(MESSY.replace("  listen   80 ;\n", "        listen 80;\n"), result, "one line, caret-sized selection");
    }

    @Test
    void aDirectiveOverSeveralLinesIsFormattedWhole() {
        int at = MESSY.indexOf("b.example");
        String result = formatLines(MESSY, at, at);
        String whole = Formatter.format(Parser.parse(MESSY)).orElseThrow();
        List<String> formatted = whole.lines().toList();
        List<String> lines = result.lines().toList();
        assertEquals(formatted.get(3), lines.get(3), "the directive's first line");
        assertEquals(formatted.get(4), lines.get(4), "and its continuation");
        assertEquals("  listen   80 ;", lines.get(2), "the line before untouched");
        assertEquals("      location / {", lines.get(5), "the line after untouched");
    }

    @Test
    void aBlockHeadAloneLeavesItsBodyAndASelectionEndingAtALineStartLeavesThatLine() {
        int head = lineStart(MESSY, 6);
        String result = formatLines(MESSY, head, lineStart(MESSY, 7));
        assertEquals(MESSY.replace("      location / {\n", "        location / {\n"), result);
        String all = formatLines(MESSY, 0, MESSY.length());
        assertEquals(Formatter.format(Parser.parse(MESSY)).orElseThrow(), all, "everything selected is Format Document");
    }

    @Test
    void syntaxErrorsMeanNothingIsFormatted() {
        assertEquals(Optional.empty(), Formatter.formatLines(Parser.parse("http {\n  server {\n"), new TextRange(0, 3)));
    }

    @Test
    void crlfAndCommentsSurvive() {
        String text = MESSY.replace("\n", "\r\n");
        int at = text.indexOf("proxy_pass");
        String result = formatLines(text, at, at + 1);
        assertEquals(text.replace("  proxy_pass   https://up ;  # keep   me\r\n",
                "            proxy_pass https://up; # keep   me\r\n"), result);
    }

    /**
     * Random selections over every own config (and the corpus when present): lines outside the grown
     * selection are the original's, lines inside are Format Document's, the tree is unchanged, and a
     * second Format Selection of the same range changes nothing.
     */
    @Test
    void losslessOutsideTheRangeSameTreeAndIdempotentOverEveryConfig() {
        Random random = new Random(20261202);
        int checked = 0;
        List<String> broken = new ArrayList<>();
        for (Path file : TestConfigs.all()) {
            String text = SourceText.decode(Corpus.bytes(file)).text();
            ParseResult parsed = Parser.parse(text);
            Optional<String> whole = Formatter.format(parsed);
            if (whole.isEmpty() || text.isEmpty()) {
                continue;
            }
            List<String> original = text.lines().toList();
            List<String> formatted = whole.get().lines().toList();
            for (int round = 0; round < 5; round++) {
                int first = random.nextInt(original.size());
                int last = Math.min(original.size() - 1, first + random.nextInt(12));
                String once = Formatter.formatLines(parsed, lines(text, first, last)).orElseThrow();
                checked++;
                List<String> result = once.lines().toList();
                String name = TestConfigs.relative(file) + " lines " + (first + 1) + "-" + (last + 1);
                if (result.size() != original.size()) {
                    broken.add(name + ": line count changed");
                    continue;
                }
                for (int i = 0; i < result.size(); i++) {
                    if (result.get(i).equals(original.get(i))) {
                        continue;
                    }
                    if (!result.get(i).equals(formatted.get(i))) {
                        broken.add(name + ": line " + (i + 1) + " is neither original nor formatted");
                    } else if ((i < first || i > last) && !sharesAStatement(parsed.tree(), text, i, first, last)) {
                        broken.add(name + ": line " + (i + 1) + " changed outside the selected statements");
                    }
                }
                ParseResult after = Parser.parse(once);
                if (after.hasErrors() || !shape(parsed.tree()).equals(shape(after.tree()))) {
                    broken.add(name + ": tree changed");
                }
                if (!once.equals(Formatter.formatLines(after, lines(once, first, last)).orElseThrow())) {
                    broken.add(name + ": not idempotent");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 100, "checked " + checked + " selections");
    }

    /** From the start of 0-based line {@code first} to the end of line {@code last}, its line break left out. */
    private static TextRange lines(String text, int first, int last) {
        int start = lineStart(text, first + 1);
        int end = text.indexOf('\n', lineStart(text, last + 1));
        return new TextRange(start, end < 0 ? text.length() : end);
    }

    /** Whether a directive written over several lines covers line {@code line} and reaches the selected lines. */
    private static boolean sharesAStatement(SyntaxTree tree, String text, int line, int first, int last) {
        boolean[] found = {false};
        tree.walk(d -> {
            int end = d.block() != null && d.block().open() != null ? d.block().open().end() : d.range().end();
            int from = lineOf(text, d.range().start());
            int to = lineOf(text, end);
            if (from <= line && line <= to && from <= last && to >= first) {
                found[0] = true;
            }
        });
        // A Lua body or string over several lines is one token: selecting part of it selects its lines.
        for (Token t : tree.tokens()) {
            if (t.kind() != TokenKind.NEWLINE && t.text(text).indexOf('\n') >= 0) {
                int from = lineOf(text, t.start());
                int to = lineOf(text, t.end());
                if (from <= line && line <= to && from <= last && to >= first) {
                    return true;
                }
            }
        }
        return found[0];
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<String> shape(SyntaxTree tree) {
        List<String> shape = new ArrayList<>();
        tree.walk(d -> shape.add(d.name() + " " + d.args() + (d.block() != null ? " {" + d.block().directives().size() : "")));
        return shape;
    }
}
