package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.diff.TextDiff;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.syntax.Token;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs through the whole pipeline: parse, model (includes resolved on a real directory
 * holding a FIFO, a symlink loop, a self-including glob and dot files), every rule, every offered
 * fix, fix-until-stable twice, and the diff. Asserts no exception and no internal-error finding, a
 * lossless tree, idempotent fixes, and no fix turning an error-free file into one with a
 * syntax-error. Inputs: config-shaped fragments (includes of {@code *}, {@code /dev/zero}, the FIFO,
 * {@code /proc/self/*}; NUL, ESC, unterminated quotes, Lua, deep nesting), mutated fixtures (and the
 * corpus when present) with {@code include *;} junk, random bytes, invalid UTF-8 and UTF-16.
 *
 * <p>The number of inputs is {@code -Dfuzz.tries} (1,000 in {@code ./mvnw verify}, 100,000 under
 * {@code -Pfuzz}); input {@code i} comes from seed {@code fuzz.seed + i}, printed with any failure so it
 * can be replayed ({@code -Dfuzz.seed=S -Dfuzz.tries=1}). The worst time and allocation seen on one
 * input are printed, not asserted (the machine's load is not the code's fault).
 */
class PipelinePropertyTest {

    private static final Map<String, String> INPUTS = Map.of(
            FixInput.Key.SNI_NAME.id(), "backend.internal.test", FixInput.Key.TRUSTED_CA.id(), "/etc/ssl/certs/ca.pem");

    private static final List<String> FRAGMENTS = List.of(
            "http {", "server {", "location / {", "location ~ \\.php$ {", "upstream u {", "stream {", "events {",
            "}", "}", "{", ";", ";", " ", " ", "\n", "\n", "\r\n", "\r", "\t", "# comment\n", "#",
            "listen 443 ssl;", "server_name a.example;", "proxy_pass https://b.example;", "proxy_pass https://u;",
            "proxy_pass http://admin:pw@h;", "grpc_pass grpcs://g:443;", "server 10.0.0.1:443;",
            "proxy_ssl_server_name on;", "proxy_ssl_server_name off;", "proxy_ssl_verify on;", "proxy_ssl_name $host;",
            "proxy_ssl_trusted_certificate /etc/ssl/ca.pem;", "proxy_ssl_protocols TLSv1.3;", "ssl_certificate x.pem;",
            "include *;", "include *.conf;", "include /dev/zero;", "include fifo.conf;", "include loop/*.conf;",
            "include self.conf;", "include /proc/self/*;", "include missing.conf;", "include", "include \"a b\";",
            "if ($host = x) {", "set $token abc;", "add_header X \"y\";", "return 200 'ok';",
            "content_by_lua_block { local s = '}' ", "access_by_lua_block {", "--[[ ]]",
            "\"", "'", "\\", "$", "${", "(", ")", "\u0000", "\u001b[2J", "\u001b]0;t\u0007", "\u202e", "\uFFFD",
            "a{a{a{a{a{a{a{a{", "}}}}}}}}");

    private static Path directory;
    private static List<String> fixtures;
    private static final AtomicLong INPUT_COUNT = new AtomicLong();
    private static final AtomicLong WORST_NANOS = new AtomicLong();
    private static final AtomicLong WORST_BYTES = new AtomicLong();
    private static volatile String worstTimeInput = "";
    private static volatile String worstBytesInput = "";

    @BeforeAll
    static void prepareIncludeDirectory() throws IOException, InterruptedException {
        directory = Files.createTempDirectory("handshake-fuzz");
        Files.writeString(directory.resolve("self.conf"), "include *;\nserver { listen 80; }\n");
        Files.writeString(directory.resolve("a.conf"), "location / { proxy_pass https://c.example; include *.conf; }\n");
        Files.writeString(directory.resolve(".a.conf.123.tmp"), "garbage {{{\n");
        Files.writeString(directory.resolve(".swap.conf"), "\u0000\u0001 {\n");
        Files.createDirectories(directory.resolve("loop"));
        Files.createSymbolicLink(directory.resolve("loop/a.conf"), Path.of("b.conf"));
        Files.createSymbolicLink(directory.resolve("loop/b.conf"), Path.of("a.conf"));
        new ProcessBuilder("mkfifo", directory.resolve("fifo.conf").toString()).start().waitFor();
        List<String> texts = new ArrayList<>();
        for (Path p : TestConfigs.all()) {
            byte[] bytes = Corpus.bytes(p);
            if (bytes.length < 40_000) {
                texts.add(SourceText.decode(bytes).text());
            }
        }
        fixtures = texts;
    }

    @AfterAll
    static void reportWorstAndCleanUp() throws IOException {
        System.out.printf("PipelinePropertyTest: %,d inputs; worst time %.1f ms (%s); worst allocation %,d KiB (%s)%n",
                INPUT_COUNT.get(), WORST_NANOS.get() / 1e6, worstTimeInput, WORST_BYTES.get() / 1024, worstBytesInput);
        if (directory != null) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** One generated input: config-shaped, UTF-16, a mutated fixture, random bytes or deep nesting (weights 5:1:4:2:1). */
    static byte[] input(Random random) {
        int kind = random.nextInt(13);
        if (kind < 5) {
            return fragments(random, 80).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 6) {
            return ("\uFEFF" + fragments(random, 40)).getBytes(StandardCharsets.UTF_16BE);
        }
        if (kind < 10) {
            String text = MutationPropertyTest.mutate(fixtures.get(random.nextInt(fixtures.size())), random);
            StringBuilder out = new StringBuilder(text);
            for (int i = random.nextInt(4); i > 0; i--) {
                out.insert(random.nextInt(out.length() + 1), random.nextBoolean() ? "include *;" : "\ninclude *;\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 12) {
            byte[] bytes = new byte[random.nextInt(401)];
            random.nextBytes(bytes);
            return bytes;
        }
        int levels = 1 + random.nextInt(3 * Parser.MAX_DEPTH);
        return ("http{" + "location / {".repeat(levels) + "include *;" + (random.nextBoolean() ? "}".repeat(levels + 1) : ""))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String fragments(Random random, int most) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return text.toString();
    }

    @Test
    void noInputBreaksParseModelRulesFixesOrDiff() {
        long seed = Long.getLong("fuzz.seed", 20_261_202L);
        int tries = Integer.getInteger("fuzz.tries", 1_000);
        for (int i = 0; i < tries; i++) {
            byte[] bytes = input(new Random(seed + i));
            try {
                check(bytes);
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                throw new AssertionError("input from seed " + (seed + i) + " (" + describe(bytes) + "): " + e, e);
            }
        }
    }

    private static void check(byte[] bytes) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();

        SourceText source = SourceText.decode(bytes);
        String text = source.text();
        ParseResult parsed = Parser.parse(text);
        assertLossless(parsed, text);
        ConfigModel model = ConfigModel.build(new ConfigFile(directory.resolve("nginx.conf"), source, parsed),
                ConfigModel.Options.defaults());
        Linter linter = Linter.standard();
        LintResult result = linter.lint(model);
        assertEquals(List.of(), result.of(Linter.INTERNAL_ERROR));
        for (Diagnostic d : result.diagnostics()) {
            for (Fix fix : d.fixes()) {
                if (fix.hasInputs(INPUTS)) {
                    fix.edits(INPUTS);
                }
            }
        }
        FixApplier.Outcome once = FixApplier.fixUntilStable(model, linter, FixApplier.standardPolicy(Set.of(), INPUTS));
        assertEquals(List.of(), once.result().of(Linter.INTERNAL_ERROR));
        for (Map.Entry<Path, String> changed : once.changed().entrySet()) {
            String before = once.originals().get(changed.getKey()).text();
            if (!Parser.parse(before).hasErrors()) {
                assertEquals(List.of(), Parser.parse(changed.getValue()).errors(),
                        () -> "a fix introduced a syntax error in " + changed.getKey());
            }
            TextDiff.between(before, changed.getValue()).unified("a", "b");
        }
        FixApplier.Outcome twice = FixApplier.fixUntilStable(once.result().model(), linter,
                FixApplier.standardPolicy(Set.of(), INPUTS));
        assertFalse(twice.changedAnything(), () -> "fixing twice changed " + twice.changed().keySet());

        long nanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        INPUT_COUNT.incrementAndGet();
        if (nanos > WORST_NANOS.get()) {
            WORST_NANOS.set(nanos);
            worstTimeInput = describe(bytes);
        }
        if (allocated > WORST_BYTES.get()) {
            WORST_BYTES.set(allocated);
            worstBytesInput = describe(bytes);
        }
    }

    private static String describe(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?");
        return bytes.length + " bytes: " + text;
    }

    private static void assertLossless(ParseResult result, String text) {
        int expected = 0;
        for (Token t : result.tree().tokens()) {
            assertEquals(expected, t.start(), "token gap");
            expected = t.end();
        }
        assertEquals(text.length(), expected, "tokens end before the text");
    }
}
