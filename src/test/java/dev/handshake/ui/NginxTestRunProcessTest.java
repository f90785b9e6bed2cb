package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Test with nginx runs its binary, checked with a stand-in script: only {@code -t} (a running nginx
 * is never signalled), a hung binary is stopped at the timeout, and no temporary file survives either way.
 */
class NginxTestRunProcessTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path config() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(folder.resolve("inc.conf"), "proxy_read_timeout 30s;\n");
        return Files.writeString(folder.resolve("nginx.conf"), "events {}\nhttp {\n    include inc.conf;\n}\n");
    }

    private List<String> leftInConf() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("conf"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void onlyTestIsAskedForNeverASignal() throws Exception {
        Path args = dir.resolve("args.txt");
        Path nginx = script("nginx", "printf '%s\\n' \"$@\" > '" + args + "'\n"
                + "echo 'nginx: the configuration file x syntax is ok' >&2\nexit 0");
        Path main = config();
        Path inc = main.resolveSibling("inc.conf");
        NginxTestRun.Result result = NginxTestRun.run(nginx, main,
                Map.of(inc, "proxy_read_timeout 40s;\n".getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(20));
        assertTrue(result.passed());
        List<String> given = Files.readAllLines(args);
        assertEquals("-t", given.get(0), given.toString());
        assertFalse(given.contains("-s"), "no signal: " + given);
        assertEquals(List.of("-t", "-e", "-c"), given.stream().filter(a -> a.startsWith("-")).toList(), given.toString());
        assertTrue(given.get(given.indexOf("-c") + 1).contains(".nginx.conf.handshake-test-"),
                "nginx reads a copy of the main file that includes the unsaved buffer's copy: " + given);
        assertEquals(List.of("inc.conf", "nginx.conf"), leftInConf(), "the copies are removed");
    }

    @Test
    void aBinaryThatHangsIsStoppedAtTheTimeoutAndNothingIsLeftBehind() throws Exception {
        Path nginx = script("nginx", "exec sleep 60");
        Path main = config();
        long started = System.nanoTime();
        NginxTestRun.Result result = NginxTestRun.run(nginx, main,
                Map.of(main, Files.readAllBytes(main)), Duration.ofMillis(800));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(result.timedOut(), "timed out");
        assertFalse(result.passed());
        assertTrue(tookMillis < 10_000, "stopped at the timeout, not after the 60 s sleep: " + tookMillis + " ms");
        assertEquals(List.of("inc.conf", "nginx.conf"), leftInConf(), "the copy is removed");
    }
}
