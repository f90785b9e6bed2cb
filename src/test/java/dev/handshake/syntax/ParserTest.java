package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.TextRange;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static ParseResult parse(String text) {
        return Parser.parse(text);
    }

    private static List<String> messages(ParseResult result) {
        return result.errors().stream().map(SyntaxError::message).collect(Collectors.toList());
    }

    @Test
    void directivesArgumentsAndNestedBlocks() {
        ParseResult r = parse("http {\n  server {\n    listen 443 ssl;\n    location / { proxy_pass https://b; }\n  }\n}\n");
        assertEquals(List.of(), r.errors());
        Directive http = r.tree().root().directives().get(0);
        assertEquals("http", http.name());
        Directive server = http.block().directives().get(0);
        Directive listen = server.block().directives().get(0);
        assertEquals(List.of("443", "ssl"), listen.args());
        Directive location = server.block().directives().get(1);
        Directive pass = location.block().directives().get(0);
        assertEquals("proxy_pass", pass.name());
        assertEquals(location, pass.enclosing());
        assertEquals(3, pass.depth());
        String text = r.tree().text();
        assertEquals("proxy_pass https://b;", pass.range().of(text));
        assertEquals("location / { proxy_pass https://b; }", location.range().of(text));
    }

    @Test
    void quotedStringsWithEscapesAndSpaces() {
        ParseResult r = parse("return 200 \"a \\\"b\\\" c\\n\";\nadd_header X 'it''s';\n");
        Directive ret = r.tree().root().directives().get(0);
        assertEquals("a \"b\" c\n", ret.arg(1));
        assertEquals(TokenKind.DQ_STRING, ret.argTokens().get(1).kind());
        // nginx wants a space after a closing quote
        assertEquals(List.of("unexpected \"'\""), messages(r));
    }

    @Test
    void variablesWithBracesStayInOneWord() {
        ParseResult r = parse("try_files /a/${uri} /b/${uri}.html =404;");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("/a/${uri}", "/b/${uri}.html", "=404"), r.tree().root().directives().get(0).args());
    }

    @Test
    void closingBraceInsideAWordIsPartOfIt() {
        // nginx ends a word only at whitespace, ';' or '{'
        ParseResult r = parse("location /foo{}location /bar{}\nset $a x}y;\n");
        assertEquals(List.of(), r.errors());
        List<Directive> top = r.tree().root().directives();
        assertEquals(3, top.size());
        assertEquals("x}y", top.get(2).arg(1));
    }

    @Test
    void commentsBetweenArgumentsAndHashInsideWords() {
        ParseResult r = parse("log_format #c1\n  \\#a\\ 1 #c2\n  '#b' #c3\n  ;\nset $x a#b;\n");
        assertEquals(List.of(), r.errors());
        Directive log = r.tree().root().directives().get(0);
        assertEquals(List.of("\\#a\\ 1", "#b"), log.args());
        assertEquals("a#b", r.tree().root().directives().get(1).arg(1));
        assertEquals(3, r.tree().comments().size());
    }

    @Test
    void ifConditionsWithParenthesesAndRegexLocations() {
        ParseResult r = parse("if ($http_x ~* \"^a(b)\") { return 403; }\nlocation ~* \\.(png|jpg)$ { }\nlocation = /x { }\nlocation ^~ /y { }\n");
        assertEquals(List.of(), r.errors());
        List<Directive> top = r.tree().root().directives();
        assertEquals(List.of("($http_x", "~*", "^a(b)", ")"), top.get(0).args());
        assertEquals(List.of("~*", "\\.(png|jpg)$"), top.get(1).args());
        assertEquals("=", top.get(2).arg(0));
        assertEquals("^~", top.get(3).arg(0));
    }

    @Test
    void luaBodiesIgnoreBracesInStringsAndComments() {
        String lua = "content_by_lua_block {\n  local t = { a = \"}\" } -- }\n  --[[ } ]] s = [==[ } ]==]\n}\nlisten 80;\n";
        ParseResult r = parse(lua);
        assertEquals(List.of(), r.errors());
        List<Directive> top = r.tree().root().directives();
        assertEquals(2, top.size());
        Block body = top.get(0).block();
        assertNotNull(body.luaCode());
        assertEquals(List.of(), body.directives());
        assertEquals("listen", top.get(1).name());
    }

    @Test
    void luaBlockNameOnlyCountsAsDirectiveName() {
        ParseResult r = parse("server_name content_by_lua_block ;\nupstream content_by_lua_block { server a; }\n\"rewrite_by_lua_block\" { a = { 1 } }\n");
        assertEquals(List.of(), r.errors());
        List<Directive> top = r.tree().root().directives();
        assertEquals(1, top.get(1).block().directives().size());
        assertNotNull(top.get(2).block().luaCode());
    }

    @Test
    void missingSemicolonBeforeBraceIsReportedAtTheBraceAndTheRestStillParses() {
        String text = "http {\n server {\n  location /a {\n   proxy_pass http://a\n  }\n  location /b { proxy_pass http://b; }\n }\n}\n";
        ParseResult r = parse(text);
        assertEquals(List.of("unexpected \"}\""), messages(r));
        SyntaxError e = r.errors().get(0);
        assertEquals(text.indexOf("  }\n  location /b") + 2, e.range().start());
        Directive server = r.tree().root().directives().get(0).block().directives().get(0);
        assertEquals(2, server.block().directives().size());
        Directive b = server.block().directives().get(1);
        assertEquals("proxy_pass", b.block().directives().get(0).name());
        assertTrue(b.block().directives().get(0).isTerminated());
        Directive brokenPass = server.block().directives().get(0).block().directives().get(0);
        assertNull(brokenPass.semicolon());
        assertEquals(List.of("http://a"), brokenPass.args());
    }

    @Test
    void unclosedBlockAtEndOfFile() {
        ParseResult r = parse("http {\n server {\n");
        assertEquals(List.of("unexpected end of file, expecting \"}\""), messages(r).subList(0, 1));
        assertEquals(TextRange.at(17), r.errors().get(0).range());
    }

    @Test
    void directiveCutOffByEndOfFile() {
        ParseResult r = parse("events {}\nworker_processes 4");
        assertEquals(List.of("unexpected end of file, expecting \";\" or \"}\""), messages(r));
    }

    @Test
    void extraClosingBraceAtTopLevel() {
        ParseResult r = parse("events {}\n}\nhttp {}\n");
        assertEquals(List.of("unexpected \"}\""), messages(r));
        assertEquals(new TextRange(10, 11), r.errors().get(0).range());
        assertEquals(2, r.tree().root().directives().size());
    }

    @Test
    void strayPunctuation() {
        ParseResult r = parse(";\n{ listen 80; }\nhttp {}\n");
        assertEquals(List.of("unexpected \";\"", "unexpected \"{\""), messages(r));
        assertEquals("http", r.tree().root().directives().get(0).name());
    }

    @Test
    void unterminatedQuoteEndsAtItsLineAndTheRestIsParsed() {
        String text = "http {\n server { return 200 \"oops;\n }\n server { listen 81; }\n}\n";
        ParseResult r = parse(text);
        assertTrue(messages(r).get(0).startsWith("unexpected end of file"), messages(r).toString());
        assertEquals(text.indexOf('"'), r.errors().get(0).range().start());
        Directive http = r.tree().root().directives().get(0);
        assertEquals(2, http.block().directives().size());
        assertEquals("listen", http.block().directives().get(1).block().directives().get(0).name());
    }

    @Test
    void multiLineQuotedStringsAreFine() {
        ParseResult r = parse("log_format main '{ \"a\": \"$b\", '\n    '\"c\": \"$d\" }';\n");
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.tree().root().directives().get(0).argCount());
    }

    @Test
    void crlfLineEndingsAreSingleTokens() {
        ParseResult r = parse("a 1;\r\nb 2;\rc 3;\n");
        assertEquals(List.of(), r.errors());
        long newlines = r.tree().tokens().stream().filter(t -> t.kind() == TokenKind.NEWLINE).count();
        assertEquals(3, newlines);
    }

    @Test
    void emptyAndWhitespaceOnlyTexts() {
        assertEquals(0, parse("").tree().tokens().size());
        ParseResult r = parse("  \n# only a comment");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.tree().root().directives());
    }

    @Test
    void directiveAtFindsTheInnermost() {
        String text = "http { server { location / { proxy_pass https://x; } } }";
        SyntaxTree tree = parse(text).tree();
        assertEquals("proxy_pass", tree.directiveAt(text.indexOf("https")).name());
        assertEquals("location", tree.directiveAt(text.indexOf("/ {")).name());
        assertEquals("http", tree.directiveAt(0).name());
    }
}
