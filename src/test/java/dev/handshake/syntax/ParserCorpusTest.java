package dev.handshake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every own and corpus file parses losslessly, and only the files nginx itself rejects have syntax errors. */
class ParserCorpusTest {

    /** The files the corpus README lists as rejected by {@code nginx -t} for their syntax. */
    private static final Set<String> BROKEN = Set.of(
            "crossplane/missing-semicolon/broken-above.conf",
            "crossplane/missing-semicolon/broken-below.conf",
            "crossplane/quote-behavior/nginx.conf",
            "crossplane/includes-regular/conf.d/foo.conf",
            "crossplane/includes-regular/conf.d/bar.conf",
            "crossplane/includes-globbed/servers/locations/not-included.conf");

    @Test
    void everyCorpusFileRoundTripsByteForByte() {
        List<Path> files = TestConfigs.all();
        assertTrue(files.size() > (Corpus.available() ? 900 : 100), "expected every config, found " + files.size());
        List<String> lossy = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Corpus.bytes(file);
            SourceText source = SourceText.decode(bytes);
            ParseResult result = Parser.parse(source.text());
            StringBuilder joined = new StringBuilder();
            int expectedStart = 0;
            for (Token t : result.tree().tokens()) {
                if (t.start() != expectedStart || t.end() <= t.start()) {
                    lossy.add(TestConfigs.relative(file) + ": token gap or empty token at " + t);
                    break;
                }
                joined.append(source.text(), t.start(), t.end());
                expectedStart = t.end();
            }
            if (!joined.toString().equals(source.text())) {
                lossy.add(TestConfigs.relative(file) + ": tokens do not rebuild the text");
            }
            if (!java.util.Arrays.equals(bytes, source.withText(joined.toString()).encode())) {
                lossy.add(TestConfigs.relative(file) + ": bytes differ after round trip");
            }
        }
        assertEquals(List.of(), lossy);
    }

    @Test
    void onlyTheDeliberatelyBrokenFilesHaveSyntaxErrors() {
        Map<String, List<SyntaxError>> unexpected = new TreeMap<>();
        Map<String, List<SyntaxError>> caught = new TreeMap<>();
        for (Path file : Corpus.confFiles()) {
            String name = Corpus.relative(file);
            ParseResult result = Parser.parse(SourceText.decode(Corpus.bytes(file)).text());
            if (BROKEN.contains(name)) {
                caught.put(name, result.errors());
            } else if (result.hasErrors()) {
                unexpected.put(name, result.errors());
            }
        }
        assertEquals(Map.of(), unexpected);
        assertEquals(BROKEN, caught.keySet());
        caught.forEach((name, errors) -> assertFalse(errors.isEmpty(), name + " should have a syntax error"));
    }
}
