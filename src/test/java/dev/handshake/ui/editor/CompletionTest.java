package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.nginx.DirectiveCatalogue;
import dev.handshake.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    private static List<Completion.Candidate> at(String textWithCaret, Path folder) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return Completion.at(text, Parser.parse(text).tree(), caret, DirectiveCatalogue.standard(), folder);
    }

    private static List<String> texts(List<Completion.Candidate> candidates) {
        return candidates.stream().map(Completion.Candidate::text).toList();
    }

    @Test
    void directiveNamesAllowedInTheCaretsBlockWithTheirSyntax() {
        List<Completion.Candidate> found = at("http {\n    server {\n        location / {\n            proxy_ssl_ser|\n"
                + "        }\n    }\n}\n", null);
        assertEquals(List.of("proxy_ssl_server_name"), texts(found));
        assertEquals("proxy_ssl_server_name on | off;", found.get(0).detail());
        assertEquals(List.of(), texts(at("http {\n    worker_proc|\n}\n", null)), "a main-only directive is not offered in http");
        assertEquals(List.of("worker_processes"), texts(at("worker_proc|\nevents {}\nhttp {}\n", null)));
    }

    /** Issue 9: completion offers only what the nginx the configs are for has. */
    @Test
    void directivesTheTargetLacksAreNotOffered() {
        String upstream = "http {\n    upstream u {\n        server 10.0.0.1;\n        ntl|\n    }\n}\n";
        int caret = upstream.indexOf('|');
        String text = upstream.replace("|", "");
        java.util.function.Function<dev.handshake.nginx.NginxTarget, List<String>> offered = target -> texts(
                Completion.at(text, Parser.parse(text).tree(), caret, DirectiveCatalogue.standard(), null, target));
        assertEquals(List.of(), offered.apply(dev.handshake.nginx.NginxTarget.defaults()), "ntlm is NGINX Plus only");
        assertEquals(List.of("ntlm"), offered.apply(new dev.handshake.nginx.NginxTarget(dev.handshake.nginx.NginxEdition.PLUS, null)));
        String server = "http {\n    server {\n        http|\n    }\n}\n";
        int at = server.indexOf('|');
        String plain = server.replace("|", "");
        java.util.function.Function<dev.handshake.nginx.NginxTarget, List<String>> inServer = target -> texts(
                Completion.at(plain, Parser.parse(plain).tree(), at, DirectiveCatalogue.standard(), null, target));
        assertTrue(inServer.apply(dev.handshake.nginx.NginxTarget.defaults()).contains("http2"));
        dev.handshake.nginx.NginxTarget old = new dev.handshake.nginx.NginxTarget(dev.handshake.nginx.NginxEdition.OSS,
                dev.handshake.nginx.NginxVersion.parse("1.22.1").orElseThrow());
        assertFalse(inServer.apply(old).contains("http2"), "http2 appeared in 1.25.1");
        assertTrue(inServer.apply(dev.handshake.nginx.NginxTarget.defaults()).containsAll(inServer.apply(old)),
                "an older nginx is offered a part of what the current one is");
    }

    @Test
    void enumeratedValuesFromTheSyntax() {
        assertEquals(List.of("off", "on"), texts(at("http {\n    proxy_ssl_server_name |\n}\n", null)));
        assertEquals(List.of("on"), texts(at("http {\n    proxy_ssl_verify o|\n}\n", null)).stream()
                .filter(t -> t.startsWith("on")).toList());
        List<String> protocols = texts(at("http {\n    proxy_ssl_protocols TLSv1.2 TLS|\n}\n", null));
        assertTrue(protocols.contains("TLSv1.3") && !protocols.contains("TLSv1.2"), protocols.toString());
        assertEquals(List.of(), texts(at("http {\n    proxy_read_timeout |\n}\n", null)), "a placeholder is no value");
    }

    @Test
    void upstreamGroupsAfterTheSchemeAndVariablesAfterADollar() {
        String config = "http {\n    upstream pool_a { server 10.0.0.1:443; }\n    upstream other { server 10.0.0.2; }\n"
                + "    server {\n        set $backend https://x;\n        location / {\n            proxy_pass https://po|\n"
                + "        }\n    }\n}\n";
        List<Completion.Candidate> groups = at(config, null);
        assertEquals(List.of("https://pool_a"), texts(groups));
        assertEquals(config.indexOf("https://po"), groups.get(0).from(), "replaces the typed URL");
        List<String> variables = texts(at(config.replace("proxy_pass https://po|", "proxy_pass $ba|"), null));
        assertEquals("$backend", variables.get(0), "a variable the file sets comes first");
        assertFalse(variables.contains("$host"));
        assertTrue(texts(at(config.replace("proxy_pass https://po|", "proxy_set_header Host $ho|"), null)).contains("$host"));
    }

    @Test
    void filesForIncludesAndCertificates(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/api.conf"), "");
        Files.writeString(dir.resolve("conf.d/.api.conf.swp"), "");
        Files.writeString(dir.resolve("mime.types"), "");
        assertEquals(List.of("conf.d/"), texts(at("http {\n    include co|\n}\n", dir)));
        assertEquals(List.of("conf.d/api.conf"), texts(at("http {\n    include conf.d/|\n}\n", dir)), "no dot files");
        assertEquals(List.of("mime.types"), texts(at("http {\n    include mi|\n}\n", dir)));
    }

    private static boolean opens(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return Completion.opensWhileTyping(textWithCaret.replace("|", ""), caret);
    }

    @Test
    void opensByItselfOnlyForADirectiveNameOfTwoLettersAtAStatementsStart() {
        assertTrue(opens("http {\n    pr|\n}\n"));
        assertTrue(opens("http {\n    proxy_ssl_v|\n}\n"));
        assertTrue(opens("http { listen 80; pr|\n}\n"), "after a ; on the same line");
        assertTrue(opens("# a comment\npr|"), "the line after a comment");
        assertFalse(opens("http {\n    p|\n}\n"), "one letter");
        assertFalse(opens("http {\n    proxy_ssl_verify o|\n}\n"), "a value");
        assertFalse(opens("http {\n    pr|oxy\n}\n"), "inside a word");
        assertFalse(opens("http {\n    # pr|\n}\n"), "a comment");
        assertFalse(opens("http {\n    add_header X \"a; pr|\n}\n"), "a string");
        assertFalse(opens("http {\n    $ho|\n}\n"), "a variable");
        assertFalse(opens("http {\n    12|\n}\n"), "not a name");
    }
}
