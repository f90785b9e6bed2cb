package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .pre-commit-hooks.yaml}: the hook pre-commit users reference runs a real {@code check}. */
class PreCommitHookTest {

    @TempDir
    Path dir;

    /** The keys of the single hook entry (a flat YAML mapping under "- "), unquoted. */
    private static Map<String, String> hook() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        int entries = 0;
        for (String line : Files.readAllLines(Path.of(".pre-commit-hooks.yaml"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("- ")) {
                entries++;
                line = "  " + line.substring(2);
            }
            assertTrue(line.startsWith("  ") && line.contains(": "), "a flat key: value line: " + line);
            String key = line.substring(2, line.indexOf(": "));
            String value = line.substring(line.indexOf(": ") + 2).trim();
            if (value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            keys.put(key, value);
        }
        assertEquals(1, entries);
        return keys;
    }

    @Test
    void declaresTheCheckHook() throws IOException {
        Map<String, String> hook = hook();
        assertEquals("handshake-check", hook.get("id"));
        assertTrue(List.of("system", "script").contains(hook.get("language")));
        assertTrue(hook.containsKey("name"));
        assertEquals("handshake check", hook.get("entry"));
    }

    @Test
    void filesPatternMatchesNginxConfigsOnly() throws IOException {
        Pattern files = Pattern.compile(hook().get("files"));
        for (String yes : List.of("nginx.conf", "deploy/nginx/nginx.conf", "nginx/proxy.conf", "etc/conf.d/api.conf",
                "sites-enabled/app.conf", "gateway.nginx", "nginx-prod.conf")) {
            assertTrue(files.matcher(yes).find(), yes);
        }
        for (String no : List.of("README.md", "redis.conf", "etc/sysctl.conf", "nginx.conf.bak")) {
            assertFalse(files.matcher(no).find(), no);
        }
    }

    @Test
    void entryRunsCheckOnTheFilesPreCommitPasses() throws IOException {
        Files.writeString(dir.resolve("nginx.conf"), CheckCommandTest.BROKEN);
        Files.writeString(dir.resolve("ok.conf"), CheckCommandTest.CLEAN);
        List<String> args = new ArrayList<>(List.of(hook().get("entry").split(" ")));
        assertEquals("handshake", args.remove(0));
        args.addAll(List.of("nginx.conf", "ok.conf"));
        CliHarness.Run run = CliHarness.run(dir, args.toArray(String[]::new));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().startsWith("nginx.conf:4:5: error:"), run.out());
        args.remove("nginx.conf");
        assertEquals(0, CliHarness.run(dir, args.toArray(String[]::new)).exit());
    }
}
