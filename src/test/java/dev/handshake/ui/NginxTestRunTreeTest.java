package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nginx -t} on unsaved buffers anywhere in the include tree, against Debian's real nginx: the
 * buffers are what nginx reads, the messages name the original files and lines, nothing is left behind.
 */
class NginxTestRunTreeTest {

    private static final String MAIN = "events {}\nhttp {\n    include conf.d/*.conf;\n    server {\n"
            + "        listen 127.0.0.1:18097;\n    }\n}\n";

    @TempDir
    Path dir;

    private Path main;
    private Path tls;
    private Path second;
    private Map<Path, String> disk;

    private static Path nginx() {
        Optional<Path> found = NginxTestRun.findBinary(null, System.getenv("PATH"));
        if (found.isEmpty()) {
            String reason = "nginx is not installed (apt-get install nginx-light)";
            if (Boolean.getBoolean("handshake.nginx.required")) {
                throw new IllegalStateException(reason + "; -Dhandshake.nginx.required=true says it must be");
            }
            System.out.println("[skipped] NginxTestRunTreeTest: " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }

    @BeforeEach
    void tree() throws IOException {
        main = dir.resolve("nginx.conf");
        Files.createDirectories(dir.resolve("conf.d"));
        Files.createDirectories(dir.resolve("snippets"));
        tls = dir.resolve("snippets/tls.conf");
        second = dir.resolve("conf.d/b.conf");
        Files.writeString(main, MAIN);
        Files.writeString(dir.resolve("conf.d/a.conf"), "proxy_read_timeout 30s;\n");
        // Relative to the prefix (the main file's folder), as nginx resolves it.
        Files.writeString(second, "# tls for every server\ninclude snippets/tls.conf;\n");
        Files.writeString(tls, "proxy_connect_timeout 5s;\n");
        disk = snapshot();
    }

    private Map<Path, String> snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    private NginxTestRun.Result test(Map<Path, String> unsaved) throws Exception {
        Map<Path, byte[]> bytes = new java.util.HashMap<>();
        unsaved.forEach((p, t) -> bytes.put(p, t.getBytes(StandardCharsets.UTF_8)));
        NginxTestRun.Result result = NginxTestRun.run(nginx(), main, bytes, NginxTestRun.TIMEOUT);
        assertEquals(disk, snapshot(), "the files on disk are untouched and no temporary copy is left");
        assertFalse(result.output().contains(".handshake-test-"), result.output());
        return result;
    }

    @Test
    void anErrorInAnUnsavedFileTwoIncludesDownIsFoundAtItsOriginalPlace() throws Exception {
        NginxTestRun.Result result = test(Map.of(tls, "proxy_connect_timeout 5s;\nbogus_directive on;\n"));
        assertFalse(result.passed());
        NginxTestRun.Message emerg = result.messages().stream().filter(m -> m.level().equals("emerg")).findFirst().orElseThrow();
        assertEquals("unknown directive \"bogus_directive\"", emerg.text());
        assertEquals(tls, emerg.file());
        assertEquals(2, emerg.line());
    }

    @Test
    void theUnsavedTextWinsOverABrokenFileOnDisk() throws Exception {
        Files.writeString(tls, "bogus_directive on;\n");
        disk = snapshot();
        assertFalse(test(Map.of()).passed(), "the disk version is refused");
        NginxTestRun.Result fixed = test(Map.of(tls, "proxy_connect_timeout 7s;\n"));
        assertTrue(fixed.passed(), fixed.output());
    }

    @Test
    void aGlobStillIncludesItsFilesInNginxsOrder() throws Exception {
        // a.conf (on disk) sets the timeout first; the unsaved b.conf setting it again is the duplicate.
        NginxTestRun.Result result = test(Map.of(second, "# tls for every server\ninclude snippets/tls.conf;\nproxy_read_timeout 40s;\n"));
        NginxTestRun.Message emerg = result.messages().stream().filter(m -> m.level().equals("emerg")).findFirst().orElseThrow();
        assertEquals("\"proxy_read_timeout\" directive is duplicate", emerg.text());
        assertEquals(second, emerg.file());
        assertEquals(3, emerg.line());
    }

    @Test
    void anUnsavedMainFileWithCleanIncludesIsTestedAsItIs() throws Exception {
        NginxTestRun.Result result = test(Map.of(main, MAIN.replace("    server {\n", "    server {\n        bogus_directive on;\n")));
        NginxTestRun.Message emerg = result.messages().stream().filter(m -> m.level().equals("emerg")).findFirst().orElseThrow();
        assertEquals(main, emerg.file());
        assertEquals(5, emerg.line());
    }

    @Test
    void aRewrittenIncludeKeepsTheLinesAfterIt() throws IOException {
        String text = "http {\n    include\n        conf.d/*.conf;\n    server_tokens off;\n}\n";
        ConfigModel model = ConfigModel.build(new ConfigFile(main, SourceText.of(text)), ConfigModel.Options.defaults());
        ConfigFile file = model.main();
        Path a = dir.resolve("conf.d/a.conf");
        Path copy = dir.resolve("conf.d/.b.conf.copy");
        String rewritten = NginxTestRun.pointedAtCopies(model, file, Map.of(second, copy));
        assertEquals("http {\n    include " + a + "; include " + copy + ";\n\n    server_tokens off;\n}\n", rewritten);
    }
}
