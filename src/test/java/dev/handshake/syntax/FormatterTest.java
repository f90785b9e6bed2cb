package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatterTest {

    private static String format(String text) {
        return Formatter.format(Parser.parse(text)).orElseThrow();
    }

    @Test
    void indentsByDepthAndNormalisesSpacingKeepingCommentsQuotesAndBlankLines() {
        String messy = "http {\n"
                + "  # keep me   exactly\n"
                + "server {\n"
                + "        listen    443 ssl ;   # trailing comment\n"
                + "\n"
                + "\n"
                + "\tlocation /api/{\n"
                + "proxy_pass   https://10.0.0.5:8443;\n"
                + "   add_header X-Say 'a   b' ;\n"
                + "      }   \n"
                + "}\n"
                + "}";
        String expected = "http {\n"
                + "    # keep me   exactly\n"
                + "    server {\n"
                + "        listen 443 ssl; # trailing comment\n"
                + "\n"
                + "\n"
                + "        location /api/ {\n"
                + "            proxy_pass https://10.0.0.5:8443;\n"
                + "            add_header X-Say 'a   b';\n"
                + "        }\n"
                + "    }\n"
                + "}";
        assertEquals(expected, format(messy));
        assertEquals(expected, format(expected), "idempotent");
    }

    @Test
    void luaAndTableBodiesStayAsWrittenAndCrlfStaysCrlf() {
        String text = "http {\r\n"
                + "map $http_upgrade $connection_upgrade {\r\n"
                + "    default     upgrade;\r\n"
                + "    ''          close;\r\n"
                + "}\r\n"
                + "  server {\r\n"
                + "  location / {\r\n"
                + "  content_by_lua_block {\r\n"
                + "      local s = \"}\"   -- odd   spacing\r\n"
                + "        ngx.say(s)\r\n"
                + "  }\r\n"
                + "  }\r\n"
                + "  }\r\n"
                + "}\r\n";
        String formatted = format(text);
        assertTrue(formatted.contains("    map $http_upgrade $connection_upgrade {\r\n    default     upgrade;\r\n"
                + "    ''          close;\r\n    }\r\n"), formatted);
        assertTrue(formatted.contains("content_by_lua_block {\r\n      local s = \"}\"   -- odd   spacing\r\n"
                + "        ngx.say(s)\r\n"), formatted);
        assertEquals(formatted, format(formatted));
    }

    @Test
    void aFileWithSyntaxErrorsIsNotFormatted() {
        assertEquals(Optional.empty(), Formatter.format(Parser.parse("http {\n  server {\n")));
        assertTrue(Formatter.isFormatted("http {\n  server {\n"));
    }

    /** Over every own config and, when present, the corpus: same directives and arguments, idempotent. */
    @Test
    void formattingKeepsTheTreeAndIsIdempotentOverEveryConfig() {
        int formatted = 0;
        List<String> broken = new ArrayList<>();
        for (Path file : TestConfigs.all()) {
            String text = SourceText.decode(Corpus.bytes(file)).text();
            ParseResult before = Parser.parse(text);
            Optional<String> once = Formatter.format(before);
            if (once.isEmpty()) {
                continue;
            }
            formatted++;
            ParseResult after = Parser.parse(once.get());
            if (!shape(before.tree()).equals(shape(after.tree())) || after.hasErrors()) {
                broken.add(TestConfigs.relative(file) + ": tree changed");
            } else if (!once.get().equals(Formatter.format(after).orElseThrow())) {
                broken.add(TestConfigs.relative(file) + ": not idempotent");
            } else if (comments(before.tree()) != comments(after.tree())) {
                broken.add(TestConfigs.relative(file) + ": a comment was lost");
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(formatted > 30, "formatted " + formatted + " files");
    }

    private static List<String> shape(SyntaxTree tree) {
        List<String> shape = new ArrayList<>();
        tree.walk(d -> shape.add(d.name() + " " + d.args() + (d.block() != null ? " {" + d.block().directives().size() : "")));
        return shape;
    }

    private static long comments(SyntaxTree tree) {
        return tree.tokens().stream().filter(t -> t.kind() == TokenKind.COMMENT).count();
    }
}
