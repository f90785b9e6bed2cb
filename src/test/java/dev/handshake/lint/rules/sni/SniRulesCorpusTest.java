package dev.handshake.lint.rules.sni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the linter over every corpus file and counts, per SNI rule and per corpus folder, how many
 * files each rule flags. The linuxserver samples are checked with {@code /config/nginx} mapped to the
 * swag defaults they include, as they run in their container.
 */
class SniRulesCorpusTest {

    private static final List<String> IDS = List.of("upstream-sni-off", "upstream-sni-name-unusable",
            "upstream-sni-name-ignored", "upstream-host-header-mismatch");

    @Test
    void sniRulesRunOverTheWholeCorpusAndFlagWhatDeservesIt() throws IOException {
        Path root = Corpus.root();
        ConfigModel.Options options = linuxserverOptions(root);
        Linter linter = Linter.standard();
        Map<String, Map<String, Set<String>>> flagged = new TreeMap<>();
        Map<String, Integer> filesPerFolder = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path file : Corpus.confFiles()) {
            String relative = Corpus.relative(file);
            String folder = relative.substring(0, relative.indexOf('/'));
            filesPerFolder.merge(folder, 1, Integer::sum);
            LintResult result = linter.lint(ConfigModel.load(file, options));
            for (Diagnostic d : result.diagnostics()) {
                if (d.rule().equals(Linter.INTERNAL_ERROR)) {
                    failures.add(relative + ": " + d.message());
                }
                if (IDS.contains(d.rule())) {
                    if (Boolean.getBoolean("sni.corpus.list")) {
                        System.out.println(d.rule() + " " + relative + " " + d.file().getFileName() + " @"
                                + d.range().start() + ": " + d.message());
                    }
                    flagged.computeIfAbsent(d.rule(), k -> new TreeMap<>())
                            .computeIfAbsent(folder, k -> new TreeSet<>()).add(relative);
                }
            }
        }
        StringBuilder table = new StringBuilder("SNI rules over the corpus (files flagged / files in folder):\n");
        for (String id : IDS) {
            Map<String, Set<String>> byFolder = flagged.getOrDefault(id, Map.of());
            table.append(String.format("  %-30s", id));
            for (Map.Entry<String, Integer> folder : filesPerFolder.entrySet()) {
                int n = byFolder.getOrDefault(folder.getKey(), Set.of()).size();
                table.append(' ').append(folder.getKey()).append('=').append(n).append('/').append(folder.getValue());
            }
            table.append('\n');
        }
        System.out.print(table);
        assertEquals(List.of(), failures, "rules failed on corpus files");
        for (String id : IDS) {
            assertTrue(count(flagged, id, "nginx-tests") > 0, id + " flags none of nginx's own TLS tests\n" + table);
        }
        assertEquals(httpsSamples(root.resolve("reverse-proxy-confs")),
                flagged.get("upstream-sni-off").get("reverse-proxy-confs"),
                "every linuxserver sample that proxies over TLS, and only those, sends no SNI");
    }

    @Test
    void safeFixesClearEveryLinuxserverSample() throws IOException {
        Path root = Corpus.root();
        ConfigModel.Options options = linuxserverOptions(root);
        Linter linter = Linter.standard();
        int fixed = 0;
        for (String relative : httpsSamples(root.resolve("reverse-proxy-confs"))) {
            ConfigModel model = ConfigModel.load(root.resolve(relative), options);
            long errorsBefore = linter.lint(model).count(Severity.ERROR);
            FixApplier.Outcome outcome = FixApplier.fixUntilStable(model, linter,
                    FixApplier.standardPolicy(Set.copyOf(IDS), Map.of()));
            for (String id : IDS) {
                assertEquals(List.of(), outcome.result().of(id), relative);
            }
            assertTrue(outcome.result().count(Severity.ERROR) < errorsBefore, relative);
            assertEquals(Set.of(model.main().path()), outcome.changed().keySet(), relative);
            fixed++;
        }
        assertEquals(20, fixed);
    }

    /** Options that map {@code /config/nginx}, where the linuxserver samples include from, to the swag defaults. */
    private static ConfigModel.Options linuxserverOptions(Path root) {
        return ConfigModel.Options.defaults().withPathMappings(Map.of("/config/nginx", root.resolve("swag-defaults")));
    }

    /** The samples that really (not in a comment) set {@code $upstream_proto https} or use {@code grpcs://}. */
    private static Set<String> httpsSamples(Path folder) {
        Pattern tls = Pattern.compile("(?m)^[^#\\n]*(set \\$upstream_proto https;|grpc_pass grpcs://)");
        Set<String> found = new TreeSet<>();
        for (Path file : Corpus.confFiles()) {
            if (file.startsWith(folder) && tls.matcher(new String(Corpus.bytes(file), StandardCharsets.UTF_8)).find()) {
                found.add(Corpus.relative(file));
            }
        }
        return found;
    }

    private static int count(Map<String, Map<String, Set<String>>> flagged, String rule, String folder) {
        return flagged.getOrDefault(rule, Map.of()).getOrDefault(folder, Set.of()).size();
    }
}
