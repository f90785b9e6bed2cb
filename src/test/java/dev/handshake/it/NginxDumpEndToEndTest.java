package dev.handshake.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import dev.handshake.cli.Main;
import dev.handshake.lint.rules.Rules;
import dev.handshake.nginx.NginxDumpLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code nginx -T} (stdout and stderr together, as {@code nginx -T 2>&1 | handshake check
 * --nginx-T -} gives them) on the tree in {@code nginx-T/tree}: the dump splits into the files exactly,
 * and checking it finds what checking the tree on disk finds, at the same paths.
 */
class NginxDumpEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void realNginxDashTIsTheWholeIncludeTree() throws IOException, InterruptedException {
        Path nginx = NginxProcess.requireBinary();
        Path tree = dir.resolve("nginx");
        copy(TestConfigs.OWN.resolve("nginx-T/tree"), tree);
        Process process = new ProcessBuilder(nginx.toString(), "-T", "-p", tree + "/", "-c",
                tree.resolve("nginx.conf").toString(), "-e", tree.resolve("error.log").toString())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        assertTrue(new String(output, StandardCharsets.UTF_8).startsWith("nginx: the configuration file "),
                "nginx's messages come first with 2>&1");

        NginxDumpLoader dump = NginxDumpLoader.parse(output, dir);
        List<String> order = List.of("nginx.conf", "conf.d/api.conf", "snippets/upstream-tls.conf",
                "conf.d/legacy.conf", "conf.d/static.conf");
        assertEquals(order.stream().map(tree::resolve).collect(Collectors.toList()), dump.paths());
        for (String name : order) {
            assertArrayEquals(Files.readAllBytes(tree.resolve(name)), dump.load(tree.resolve(name)).encode(), name);
        }

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        String[] fromDump = run(elsewhere, output, "check", "--format", "json", "--nginx-T", "-");
        String[] fromDisk = run(elsewhere, new byte[0], "check", "--format", "json", tree.resolve("nginx.conf").toString());
        assertEquals(fromDisk[1], fromDump[1], "the same JSON report, paths included");
        assertEquals(fromDisk[0], fromDump[0]);
        assertEquals("1", fromDump[0], "legacy.conf sends no SNI: " + fromDump[1]);
        assertTrue(fromDump[1].contains("\"upstream-sni-off\"") && fromDump[1].contains(tree.resolve("conf.d/legacy.conf").toString()),
                fromDump[1]);
    }

    /** Exit code and standard output of the CLI with all rules. */
    private static String[] run(Path workingDirectory, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(workingDirectory, Rules.all()).execute(args, new ByteArrayInputStream(stdin), o, e);
        }
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8)};
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
