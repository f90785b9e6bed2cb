package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fix --sni-name TARGET=NAME}: one name never serves different upstreams (issue 9). */
class FixSniNamePerTargetTest {

    /** One written {@code off} covers two groups: one fix, two targets. */
    private static final String HARBOR = String.join("\n",
            "http {",
            "    upstream core { server 10.0.0.1:443; }",
            "    upstream portal { server 10.0.0.2:443; }",
            "    server {",
            "        proxy_ssl_server_name off;",
            "        location /api/ {",
            "            proxy_pass https://core;",
            "        }",
            "        location / {",
            "            proxy_pass https://portal;",
            "        }",
            "    }",
            "}",
            "");

    @TempDir
    Path dir;
    Path site;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void write() throws IOException {
        site = Files.writeString(dir.resolve("harbor.conf"), HARBOR);
    }

    private Run fix(String... options) {
        List<String> args = new ArrayList<>(List.of("fix", "--rule", "upstream-sni-off"));
        args.addAll(List.of(options));
        args.add(site.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneNameForTwoTargetsIsRefusedNamingEachTargetAndTheFlag() {
        Run run = fix("--sni-name", "harbor.example");
        assertEquals("", run.out(), "nothing would change");
        assertTrue(run.err().contains("(not fixed: needs a name for each of its targets, which one name never serves:"
                + " --sni-name core=NAME --sni-name portal=NAME)"), run.err());
    }

    @Test
    void aNameForEachTargetIsAppliedToItsOwnLocation() throws IOException {
        Run run = fix("--write", "--sni-name", "core=core.harbor.local", "--sni-name", "portal=portal.harbor.local");
        String fixed = Files.readString(site);
        assertTrue(fixed.contains("proxy_pass https://core;\n            proxy_ssl_name core.harbor.local;"), fixed);
        assertTrue(fixed.contains("proxy_pass https://portal;\n            proxy_ssl_name portal.harbor.local;"), fixed);
        assertTrue(fixed.contains("proxy_ssl_server_name on;"), fixed);
        assertFalse(run.err().contains("upstream-sni-off"), run.err());
    }

    @Test
    void oneMissingTargetNamesOnlyThatOne() {
        Run run = fix("--sni-name", "core=core.harbor.local");
        assertEquals("", run.out());
        assertTrue(run.err().contains("which one name never serves: --sni-name portal=NAME)"), run.err());
    }

    @Test
    void aSingleTargetTakesEitherForm() throws IOException {
        Files.writeString(site, HARBOR.replace("proxy_pass https://portal;", "return 204;"));
        assertTrue(fix("--sni-name", "core=core.harbor.local").out().contains("+            proxy_ssl_name core.harbor.local;"));
        assertTrue(fix("--sni-name", "core.harbor.local").out().contains("+            proxy_ssl_name core.harbor.local;"));
        assertFalse(fix("--sni-name", "portal=portal.harbor.local").out().contains("proxy_ssl_name"),
                "a name for another target is not this one's");
    }

    @Test
    void malformedOrRepeatedNamesAreUsageErrors() {
        assertEquals(2, fix("--sni-name", "=core.harbor.local").exit());
        assertEquals(2, fix("--sni-name", "core=10.0.0.1").exit());
        assertEquals(2, fix("--sni-name", "a.example", "--sni-name", "b.example").exit());
        assertEquals(2, fix("--sni-name", "core=a.example", "--sni-name", "core=b.example").exit());
    }
}
