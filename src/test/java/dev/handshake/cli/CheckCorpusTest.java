package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.Corpus;
import dev.handshake.lint.rules.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole corpus through {@code check --format json} in one run: valid JSON, one entry per file. */
class CheckCorpusTest {

    @Test
    void wholeCorpusInOneRun() throws IOException {
        Path root = Corpus.root();
        List<Path> all = Corpus.confFiles();
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "."));
        // A directory means its *.conf files; the corpus's *.conf.sample and *.types files are named one by one.
        for (Path file : all) {
            if (!file.getFileName().toString().endsWith(".conf")) {
                args.add(Corpus.relative(file));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(root, Rules.all()).execute(args.toArray(String[]::new), o, e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        JsonNode report = new ObjectMapper().readTree(out.toByteArray());
        JsonNode files = report.get("files");
        Set<String> listed = new TreeSet<>();
        for (JsonNode file : files) {
            listed.add(file.get("file").textValue());
            assertEquals("ok", file.get("status").textValue(), file.toString());
        }
        assertEquals(all.size(), files.size());
        assertEquals(all.stream().map(Corpus::relative).collect(Collectors.toCollection(TreeSet::new)), listed);
        assertEquals(1, exit, "the corpus has deliberately broken files: " + err.toString(StandardCharsets.UTF_8));
        System.out.printf("check --format json over %d corpus files: %d ms, %d findings, %d bytes of JSON%n",
                files.size(), millis, report.get("findings").size(), out.size());
    }
}
