package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.handshake.lint.Linter;
import dev.handshake.lint.LintResult;
import dev.handshake.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes that multiply, loop, nest too deep or name things that are not config files. */
class IncludeLimitsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<ModelProblem> of(ConfigModel model, ModelProblem.Kind kind) {
        return model.problems().stream().filter(p -> p.kind() == kind).collect(Collectors.toList());
    }

    private static List<String> names(ConfigModel model) {
        return model.files().stream().map(f -> f.path().getFileName().toString()).collect(Collectors.toList());
    }

    /**
     * The row "a directory of 10 files that each say include *.conf" of issue 13: nginx follows such a
     * cycle until its stack runs out (1.22.1's {@code nginx -t} dies of a segmentation fault), so a file
     * seen on a cycle is spliced in once; every order of the ten files used to be spliced until the
     * 50,000-statement budget ran out (12.3 s, 1.16 GB for {@code check} of the folder).
     */
    @Test
    void tenFilesEachIncludingAllAreSplicedInOnceEach() throws IOException {
        for (int i = 0; i < 10; i++) {
            write("f" + i + ".conf", "include *.conf;\nserver { listen 8" + i + "; }\n");
        }
        ConfigModel model = ConfigModel.load(dir.resolve("f0.conf"), ConfigModel.Options.defaults());
        assertEquals(10, model.files().size());
        assertEquals(List.of(), of(model, ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE), model.problems()::toString);
        assertEquals(10, model.scopes(ScopeKind.SERVER).size(), "each file's server once");
        // one cycle finding per include directive at most, not one per path through the files
        List<ModelProblem> cycles = of(model, ModelProblem.Kind.INCLUDE_CYCLE);
        assertTrue(!cycles.isEmpty() && cycles.size() <= 10, model.problems().size() + " problems");
        LintResult result = Linter.standard().lint(model);
        assertEquals(cycles.size(), result.of("include-cycle").size());
        assertEquals(List.of(), result.of(Linter.INTERNAL_ERROR));
    }

    @Test
    void aSnippetOffTheCycleIsStillSplicedWhereverItIsIncluded() throws IOException {
        write("snippet.conf", "proxy_ssl_server_name on;\n");
        write("loop.conf", "include loop.conf;\n");
        Path main = write("nginx.conf", "http { include loop.conf; server {\n"
                + "location /a { include snippet.conf; }\nlocation /b { include snippet.conf; }\n} include loop.conf; }\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(2, model.statements().stream().filter(s -> s.name().equals("proxy_ssl_server_name")).count());
        assertEquals(1, of(model, ModelProblem.Kind.INCLUDE_CYCLE).size(), model.problems()::toString);
    }

    /**
     * Linting the 50,000 statements the budget lets in allocated 555 MB when every statement's arity
     * re-read its directive's nginx.org forms with regular expressions; read once, it is about 36 MB.
     */
    @Test
    void lintingTheBudgetsStatementsAllocatesAFewBytesPerStatement() throws IOException {
        write("snippet.conf", "server { listen 80; }\n");
        Path main = write("nginx.conf", "include snippet.conf;\n".repeat(ConfigModel.MAX_COPIED_STATEMENTS / 2 + 100));
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        Linter linter = Linter.standard();
        linter.lint(model); // class loading and the catalogue once
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        LintResult result = linter.lint(model);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(model.statements().size() > 40_000, "the budget's statements: " + model.statements().size());
        assertEquals(1, result.of("include-expansion-too-large").size());
        assertTrue(allocated < 120L << 20, "linting allocated " + (allocated >> 20) + " MB");
    }

    @Test
    void aFileIncludingItselfIsOneCycleFinding() throws IOException {
        Path main = write("nginx.conf", "include nginx.conf;\ninclude *.conf;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(2, of(model, ModelProblem.Kind.INCLUDE_CYCLE).size(), model.problems()::toString);
        assertEquals(List.of(), of(model, ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE));
    }

    @Test
    void globWildcardsDoNotMatchALeadingDotAsGlob3() throws IOException {
        Path main = write("nginx.conf", "http { include conf.d/*; include conf.d/*.conf; include conf.d/.*.swp; }\n");
        write("conf.d/a.conf", "server { listen 80; }\n");
        write("conf.d/.a.conf.swp", "garbage {\n");
        write("conf.d/.a.conf.12345.tmp", "server { listen 81; }\n");
        write("conf.d/.hidden.conf", "server { listen 82; }\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(List.of("nginx.conf", "a.conf", ".a.conf.swp"), names(model));
    }

    @Test
    void blocksNestedTooDeepThroughIncludesAreCutWithOneFinding() throws IOException {
        int half = Parser.MAX_DEPTH - 10;
        Path main = write("nginx.conf", "a{".repeat(half) + "include inner.conf;" + "}".repeat(half) + "\n");
        write("inner.conf", "b{".repeat(half) + "}".repeat(half) + "\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(1, of(model, ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE).size(), model.problems()::toString);
        LintResult result = Linter.standard().lint(model);
        assertEquals(List.of(), result.of(Linter.INTERNAL_ERROR));
    }

    @Test
    void aGlobOverManyFilesParsesEachOnceAndReusesItAcrossContexts() throws IOException {
        StringBuilder main = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            main.append("http { include conf.d/*.conf; }\n");
        }
        for (int i = 0; i < 500; i++) {
            write("conf.d/s" + i + ".conf", "server { listen " + i + "; }\n");
        }
        int[] loads = {0};
        SourceLoader counting = file -> {
            loads[0]++;
            return SourceLoader.fileSystem().load(file);
        };
        ConfigModel model = ConfigModel.load(write("nginx.conf", main.toString()),
                ConfigModel.Options.defaults().withLoader(counting));
        assertEquals(501, model.files().size());
        assertEquals(501, loads[0]);
        assertEquals(1500, model.scopes(ScopeKind.SERVER).size());
    }

    @Test
    void devicesAndFifosAreNeverReadAndTheRestIsChecked() throws Exception {
        write("conf.d/a.conf", "server { listen 80; }\n");
        Path fifo = dir.resolve("conf.d/b.conf");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Path main = write("nginx.conf", "http { include /dev/zero; include conf.d/*.conf; }\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        List<ModelProblem> unreadable = of(model, ModelProblem.Kind.INCLUDE_UNREADABLE);
        assertEquals(made ? 2 : 1, unreadable.size(), model.problems()::toString);
        assertTrue(unreadable.get(0).message().contains("not a regular file"), unreadable.get(0).message());
        assertTrue(names(model).contains("a.conf"));
    }

    @Test
    void filesReportingSizeZeroAreReadAsEmptyNotForever() throws IOException {
        Path proc = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0, "needs a Linux /proc");
        Path main = write("nginx.conf", "include /proc/self/status;\ninclude /proc/self/*;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertTrue(model.file(proc).isPresent());
        assertEquals("", model.file(proc).get().text());
        assertEquals(List.of(), Linter.standard().lint(model).of(Linter.INTERNAL_ERROR));
    }

    @Test
    void anUnreadableDirectoryIsOneFindingForItsInclude() throws IOException {
        write("conf.d/a.conf", "server { listen 80; }\n");
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked.resolve("inner"));
        Files.writeString(locked.resolve("inner/x.conf"), "server {}\n");
        assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
                "needs a user that permissions apply to (not root)");
        try {
            Path main = write("nginx.conf", "http { include locked/*/*.conf; include conf.d/*.conf; }\n");
            ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
            assertEquals(1, of(model, ModelProblem.Kind.INCLUDE_UNREADABLE).size(), model.problems()::toString);
            assertTrue(names(model).contains("a.conf"));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    /** The same as root (whom permissions do not stop): the walk fails the way Files.walk does, mid-way. */
    @Test
    void aDirectoryFailingMidWalkIsOneFindingForItsIncludeEvenAsRoot() throws IOException {
        write("conf.d/a.conf", "server { listen 80; }\n");
        write("vanishing/inner/x.conf", "server {}\n");
        Path vanishing = dir.resolve("vanishing").toAbsolutePath().normalize();
        SourceLoader disk = SourceLoader.fileSystem();
        SourceLoader failing = new SourceLoader() {
            @Override
            public dev.handshake.text.SourceText load(Path file) throws IOException {
                return disk.load(file);
            }

            @Override
            public List<Path> files(Path directory, int depth) throws IOException {
                if (directory.startsWith(vanishing)) {
                    throw new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException(
                            vanishing.resolve("inner").toString(), null, "deleted while the glob was walked"));
                }
                return disk.files(directory, depth);
            }
        };
        Path main = write("nginx.conf", "http { include vanishing/*/*.conf; include conf.d/*.conf; }\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults().withLoader(failing));
        List<ModelProblem> problems = of(model, ModelProblem.Kind.INCLUDE_UNREADABLE);
        assertEquals(1, problems.size(), model.problems()::toString);
        assertTrue(problems.get(0).message().contains("vanishing"), problems.get(0).message());
        assertTrue(names(model).contains("a.conf"), "the other include is still read");
    }

    @Test
    void aLongChainOfIncludesIsCutAtTheDepthCapWithOneFinding() throws IOException {
        int files = Parser.MAX_DEPTH + 200;
        for (int i = 0; i < files; i++) {
            write("c" + i + ".conf", i + 1 < files ? "include c" + (i + 1) + ".conf;\n" : "worker_processes 1;\n");
        }
        ConfigModel model = ConfigModel.load(dir.resolve("c0.conf"), ConfigModel.Options.defaults());
        assertEquals(1, of(model, ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE).size(), model.problems()::toString);
        assertEquals(Parser.MAX_DEPTH + 1, model.files().size());
        assertEquals(List.of(), Linter.standard().lint(model).of(Linter.INTERNAL_ERROR));
    }

    @Test
    void nestingTheParserAlreadyCutIsNotReportedTwice() throws IOException {
        Path main = write("nginx.conf", "a{".repeat(Parser.MAX_DEPTH + 5) + "}".repeat(Parser.MAX_DEPTH + 5) + "\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(List.of(), model.problems());
        assertEquals(1, model.main().parse().errors().size());
    }

    @Test
    void aSnippetSplicedIntoManyPlacesCountsItsCopiesAgainstTheBudget() throws IOException {
        write("snippet.conf", "proxy_ssl_server_name on;\nproxy_ssl_verify on;\nproxy_set_header Host $host;\n"
                + "proxy_set_header X-Real-IP $remote_addr;\n");
        int fits = ConfigModel.MAX_COPIED_STATEMENTS / 4 - 1;
        ConfigModel under = ConfigModel.load(write("under.conf", "http { server {\n"
                + "location / { include snippet.conf; }\n".repeat(fits) + "} }\n"), ConfigModel.Options.defaults());
        assertEquals(List.of(), under.problems());
        assertEquals(fits, under.scopes(ScopeKind.LOCATION).size());
        ConfigModel over = ConfigModel.load(write("over.conf", "http { server {\n"
                + "location / { include snippet.conf; }\n".repeat(fits + 10) + "} }\n"), ConfigModel.Options.defaults());
        List<ModelProblem> found = of(over, ModelProblem.Kind.INCLUDE_EXPANSION_TOO_LARGE);
        assertEquals(1, found.size(), over.problems()::toString);
        assertTrue(found.get(0).message().contains(String.valueOf(ConfigModel.MAX_COPIED_STATEMENTS)), found.get(0).message());
    }
}
