package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link NginxDumpLoader} over the checked-in output of a real {@code nginx -T 2>&1} (nginx 1.22.1 on the
 * tree in {@code nginx-T/tree}, copied to {@code /opt/handshake-fixture/nginx}), and over small dumps.
 */
class NginxDumpLoaderTest {

    static final Path DUMP = TestConfigs.OWN.resolve("nginx-T/dump.txt");
    static final Path TREE = TestConfigs.OWN.resolve("nginx-T/tree");
    /** Where the tree was when nginx printed the dump. */
    static final Path DUMPED_AT = Path.of("/opt/handshake-fixture/nginx");

    private static NginxDumpLoader parse(String dump) {
        return NginxDumpLoader.parse(dump.getBytes(StandardCharsets.UTF_8), Path.of("/work"));
    }

    @Test
    void theRealDumpSplitsIntoTheTreesFilesByteForByte() throws IOException {
        NginxDumpLoader dump = NginxDumpLoader.parse(Files.readAllBytes(DUMP), Path.of("/"));
        List<String> order = List.of("nginx.conf", "conf.d/api.conf", "snippets/upstream-tls.conf",
                "conf.d/legacy.conf", "conf.d/static.conf");
        assertEquals(order.stream().map(DUMPED_AT::resolve).collect(Collectors.toList()), dump.paths(),
                "in nginx's reading order, the snippet included twice printed once");
        assertEquals(DUMPED_AT.resolve("nginx.conf"), dump.mainFile().orElseThrow());
        for (String name : order) {
            assertArrayEquals(Files.readAllBytes(TREE.resolve(name)), dump.load(DUMPED_AT.resolve(name)).encode(), name);
        }
        assertTrue(dump.load(DUMPED_AT.resolve("conf.d/static.conf")).text().endsWith("}"),
                "a file without a final newline keeps having none (and its CRLFs)");
    }

    @Test
    void theRealDumpBuildsTheSameModelAsTheTreeOnDisk() throws IOException {
        NginxDumpLoader dump = NginxDumpLoader.parse(Files.readAllBytes(DUMP), Path.of("/"));
        ConfigModel fromDump = ConfigModel.load(dump.mainFile().orElseThrow(), ConfigModel.Options.defaults().withLoader(dump));
        ConfigModel fromDisk = ConfigModel.load(TREE.resolve("nginx.conf"), ConfigModel.Options.defaults());
        assertEquals(List.of(), fromDump.problems());
        assertEquals(relative(fromDisk, TREE), relative(fromDump, DUMPED_AT));
        assertEquals(fromDisk.statements().size(), fromDump.statements().size());
        assertEquals(3, fromDump.scopes(ScopeKind.LOCATION).size());
    }

    private static List<String> relative(ConfigModel model, Path root) {
        return model.files().stream().map(f -> root.relativize(f.path()).toString()).collect(Collectors.toList());
    }

    @Test
    void textBeforeTheFirstHeaderIsSkippedAndTheAddedNewlineDropped() throws IOException {
        NginxDumpLoader dump = parse("nginx: [warn] something\nnginx: the configuration file /e/n.conf syntax is ok\n"
                + "# configuration file /e/n.conf:\nhttp {\n}\n\n# configuration file /e/b.conf:\nlisten 80;");
        assertEquals(List.of(Path.of("/e/n.conf"), Path.of("/e/b.conf")), dump.paths());
        assertEquals("http {\n}\n", dump.load(Path.of("/e/n.conf")).text());
        assertEquals("listen 80;", dump.load(Path.of("/e/b.conf")).text(), "no trailing newline after the last file");
    }

    @Test
    void onlyAnExactHeaderLineStartsASection() throws IOException {
        NginxDumpLoader dump = parse("# configuration file /e/n.conf:\n# configuration file notes: x\n"
                + "#configuration file /e/x.conf:\n# configuration file /e/y.conf: \n# configuration file :\nx;\n");
        assertEquals(List.of(Path.of("/e/n.conf")), dump.paths());
        assertEquals(5, dump.load(Path.of("/e/n.conf")).text().lines().count());
    }

    @Test
    void relativeAndRepeatedAndUnnormalisedPaths() throws IOException {
        NginxDumpLoader dump = parse("# configuration file n.conf:\na;\n\n# configuration file /e/x/../y.conf:\nb;\n\n"
                + "# configuration file /work/n.conf:\nc;\n");
        assertEquals(List.of(Path.of("/work/n.conf"), Path.of("/e/y.conf")), dump.paths());
        assertEquals("a;\n", dump.load(Path.of("/work/n.conf")).text(), "the first section of a path wins");
    }

    @Test
    void noSectionsMeansNoMainFile() {
        assertTrue(parse("").mainFile().isEmpty());
        assertTrue(parse("http {\n    server { listen 80; }\n}\n").mainFile().isEmpty());
        assertTrue(parse("nginx: [emerg] unknown directive \"x\" in /e/n.conf:1\n").mainFile().isEmpty());
    }

    @Test
    void existenceAndGlobListingComeFromTheSectionsOnly() throws IOException {
        NginxDumpLoader dump = parse("# configuration file /e/n.conf:\nx;\n\n# configuration file /e/conf.d/b.conf:\n\n"
                + "# configuration file /e/conf.d/a.conf:\n\n# configuration file /e/conf.d/deep/c.conf:\n\n");
        assertTrue(dump.exists(Path.of("/e/conf.d/a.conf")));
        assertFalse(dump.exists(Path.of("/e/conf.d/zz.conf")));
        assertFalse(dump.exists(Path.of("/e/conf.d")), "a directory is not a section");
        assertEquals(List.of(Path.of("/e/conf.d/b.conf"), Path.of("/e/conf.d/a.conf")), dump.files(Path.of("/e/conf.d"), 1));
        assertEquals(3, dump.files(Path.of("/e/conf.d"), 2).size());
        assertEquals(List.of(), dump.files(Path.of("/nowhere"), 5));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> dump.load(Path.of("/etc/passwd")));
        assertEquals("/etc/passwd: not in the nginx -T output", missing.getMessage());
    }

    @Test
    void includesResolveAgainstTheSectionsNeverTheDisk() throws IOException {
        Path real = TREE.resolve("conf.d/api.conf").toAbsolutePath();
        NginxDumpLoader dump = parse("# configuration file /srv/n.conf:\nhttp {\n    include conf.d/*.conf;\n"
                + "    include /srv/missing.conf;\n    include " + real + ";\n}\n\n"
                + "# configuration file /srv/conf.d/b.conf:\nserver { listen 81; }\n\n"
                + "# configuration file /srv/conf.d/a.conf:\nserver { listen 80; }\n\n"
                + "# configuration file /srv/conf.d/a.conf.bak:\nbroken {\n\n");
        ConfigModel model = ConfigModel.load(Path.of("/srv/n.conf"), ConfigModel.Options.defaults().withLoader(dump));
        assertEquals(List.of(Path.of("/srv/n.conf"), Path.of("/srv/conf.d/a.conf"), Path.of("/srv/conf.d/b.conf")),
                model.files().stream().map(ConfigFile::path).collect(Collectors.toList()), "the glob sorted, *.bak not matched");
        assertEquals(List.of("included file /srv/missing.conf not found", "included file " + real + " not found"),
                model.problems().stream().map(ModelProblem::message).collect(Collectors.toList()),
                "a file that exists on this disk but has no section is not there");
    }
}
