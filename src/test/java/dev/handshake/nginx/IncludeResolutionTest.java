package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeResolutionTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> names(List<ConfigFile> files) {
        return files.stream().map(f -> f.path().getFileName().toString()).collect(Collectors.toList());
    }

    @Test
    void globsAreSortedAndRelativeToTheMainFilesDirectory() throws IOException {
        Path main = write("nginx.conf", "http {\n    include conf.d/*.conf;\n}\n");
        write("conf.d/b.conf", "server { listen 81; }\n");
        write("conf.d/a.conf", "server { listen 80; }\n");
        write("conf.d/skip.txt", "junk");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(List.of("nginx.conf", "a.conf", "b.conf"), names(model.files()));
        List<Scope> servers = model.scopes(ScopeKind.SERVER);
        assertEquals(2, servers.size());
        assertEquals("80", servers.get(0).statements("listen").get(0).directive().arg(0));
        assertEquals(List.of(), model.problems());
    }

    @Test
    void includedFilesResolveAgainstTheMainFileNotTheIncludingFile() throws IOException {
        Path main = write("nginx.conf", "http { include sites/site.conf; }\n");
        write("sites/site.conf", "server { include snippets/tls.conf; }\n");
        write("snippets/tls.conf", "listen 443 ssl;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(List.of(), model.problems());
        Scope server = model.scopes(ScopeKind.SERVER).get(0);
        assertEquals(1, server.statements("listen").size());
        assertEquals("tls.conf", server.statements("listen").get(0).path().getFileName().toString());
    }

    @Test
    void aGlobMatchingNothingIsFineButAMissingFileIsReported() throws IOException {
        Path main = write("nginx.conf", "http {\n    include none/*.conf;\n    include missing.conf;\n}\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(1, model.problems().size());
        ModelProblem p = model.problems().get(0);
        assertEquals(ModelProblem.Kind.INCLUDE_NOT_FOUND, p.kind());
        assertEquals("include missing.conf;", p.range().of(model.main().text()));
    }

    @Test
    void theLoaderAloneSaysWhetherAnIncludedFileExists() throws IOException {
        Path main = write("nginx.conf", "http { include unsaved.conf; include gone.conf; }\n");
        Path unsaved = dir.resolve("unsaved.conf").toAbsolutePath().normalize();
        java.util.List<Path> loaded = new java.util.ArrayList<>();
        SourceLoader counting = file -> {
            loaded.add(file);
            return SourceLoader.fileSystem().load(file);
        };
        SourceLoader editor = SourceLoader.overlay(
                Map.of(unsaved, dev.handshake.text.SourceText.decode("server { listen 81; }\n".getBytes())), counting);
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults().withLoader(editor));
        // The buffer is included though no file exists; the missing file is reported without being read.
        assertEquals(1, model.scopes(ScopeKind.SERVER).size());
        assertEquals(List.of(ModelProblem.Kind.INCLUDE_NOT_FOUND),
                model.problems().stream().map(ModelProblem::kind).collect(Collectors.toList()));
        assertEquals(List.of(main.toAbsolutePath().normalize()), loaded);
    }

    @Test
    void includeCyclesAreReportedAndDoNotLoop() throws IOException {
        Path main = write("a.conf", "http { include b.conf; }\n");
        write("b.conf", "include c.conf;\n");
        write("c.conf", "include b.conf;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(1, model.problems().size());
        assertEquals(ModelProblem.Kind.INCLUDE_CYCLE, model.problems().get(0).kind());
        assertEquals("include cycle: b.conf -> c.conf -> b.conf", model.problems().get(0).message());
    }

    @Test
    void aFileIncludedTwiceIsParsedOnceAndAppearsInBothContexts() throws IOException {
        Path main = write("nginx.conf", "http {\n server { location / { include proxy.conf; } }\n"
                + " server { location / { include proxy.conf; } }\n}\n");
        write("proxy.conf", "proxy_set_header X-A 1;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        assertEquals(2, model.files().size());
        List<Scope> locations = model.scopes(ScopeKind.LOCATION);
        assertEquals(2, locations.size());
        for (Scope location : locations) {
            assertEquals(1, location.statements("proxy_set_header").size());
        }
        assertTrue(locations.get(0).statements("proxy_set_header").get(0).directive()
                == locations.get(1).statements("proxy_set_header").get(0).directive());
    }

    @Test
    void pathMappingsLetForeignAbsolutePathsResolveLocally() throws IOException {
        Path main = write("app.subdomain.conf", "server {\n location / { include /config/nginx/proxy.conf; } }\n");
        write("defaults/proxy.conf", "proxy_set_header Host $host;\n");
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults()
                .withPathMappings(Map.of("/config/nginx", dir.resolve("defaults"))));
        assertEquals(List.of(), model.problems());
        assertEquals(ScopeKind.HTTP, model.root().kind());
        assertEquals(1, model.scopes(ScopeKind.LOCATION).get(0).statements("proxy_set_header").size());
    }

    @Test
    void fragmentContextsAreInferredAndCanBeOverridden() throws IOException {
        Path server = write("server.conf", "server { listen 80; }\n");
        Path location = write("location.conf", "location /a { return 200; }\n");
        Path directives = write("proxy.conf", "proxy_set_header A b;\nproxy_http_version 1.1;\n");
        Path main = write("nginx.conf", "events {}\nhttp {}\n");
        assertEquals(ScopeKind.HTTP, ConfigModel.load(server, ConfigModel.Options.defaults()).root().kind());
        assertEquals(ScopeKind.SERVER, ConfigModel.load(location, ConfigModel.Options.defaults()).root().kind());
        assertEquals(ScopeKind.LOCATION, ConfigModel.load(directives, ConfigModel.Options.defaults()).root().kind());
        assertEquals(ScopeKind.MAIN, ConfigModel.load(main, ConfigModel.Options.defaults()).root().kind());
        assertEquals(ScopeKind.SERVER, ConfigModel.load(directives,
                ConfigModel.Options.defaults().withContext(ScopeKind.SERVER)).root().kind());
    }

    @Test
    void theOwnGatewayTreeResolvesItsGlobAndNestedSnippetAndMappedAbsoluteIncludes() throws IOException {
        ConfigModel gateway = ConfigModel.load(TestConfigs.REALISTIC.resolve("gateway/nginx.conf"),
                ConfigModel.Options.defaults());
        assertEquals(List.of("nginx.conf", "mime.types", "api.conf", "reports.conf", "upstream-tls.conf",
                "static.conf"), names(gateway.files()));
        assertEquals(List.of(), gateway.problems());
        Scope reports = gateway.scopes(ScopeKind.LOCATION).stream()
                .filter(l -> !l.statements("proxy_ssl_verify").isEmpty()
                        && l.statements("proxy_ssl_verify").get(0).path().endsWith("snippets/upstream-tls.conf"))
                .findFirst().orElseThrow();
        assertEquals("on", reports.statements("proxy_ssl_verify").get(0).directive().arg(0));

        Path vault = TestConfigs.REALISTIC.resolve("swag/proxy-confs/vault.subdomain.conf");
        ConfigModel unmapped = ConfigModel.load(vault, ConfigModel.Options.defaults());
        assertEquals(3, unmapped.problems().size(), "the three /config/nginx includes are not on this machine");
        assertTrue(unmapped.problems().stream().allMatch(p -> p.kind() == ModelProblem.Kind.INCLUDE_NOT_FOUND));
        ConfigModel mapped = ConfigModel.load(vault, new ConfigModel.Options(null,
                Map.of("/config/nginx", TestConfigs.REALISTIC.resolve("swag-defaults")), SourceLoader.fileSystem()));
        assertEquals(List.of("vault.subdomain.conf", "ssl.conf", "proxy.conf", "resolver.conf"), names(mapped.files()));
        assertEquals(List.of(), mapped.problems());

        ConfigModel cyclic = ConfigModel.load(TestConfigs.REALISTIC.resolve("cycle/self.conf"),
                ConfigModel.Options.defaults());
        assertEquals(List.of("include cycle: self.conf -> self.conf"),
                cyclic.problems().stream().map(ModelProblem::message).collect(Collectors.toList()));
    }

    @Test
    void corpusIncludeTrees() throws IOException {
        Path globbed = Corpus.root().resolve("crossplane/includes-globbed/nginx.conf");
        ConfigModel model = ConfigModel.load(globbed, ConfigModel.Options.defaults());
        assertEquals(List.of("nginx.conf", "http.conf", "server1.conf", "location1.conf", "location2.conf",
                "server2.conf"), names(model.files()));
        assertEquals(List.of(), model.problems());

        Path h5bp = Corpus.root().resolve("h5bp/nginx.conf");
        ConfigModel site = ConfigModel.load(h5bp, ConfigModel.Options.defaults());
        assertTrue(site.files().size() >= 8, "h5bp reaches its include tree: " + site.files().size());
        // h5bp disables conf.d/.default.conf by its leading dot: nginx's glob(3) does not match it.
        assertTrue(site.files().stream().noneMatch(f -> f.path().getFileName().toString().startsWith(".")),
                () -> "a dot file reached through a glob: " + site.files());
        assertEquals(List.of(), site.problems().stream().filter(p -> p.kind() != ModelProblem.Kind.INCLUDE_NOT_FOUND)
                .collect(Collectors.toList()));

        Path selfInclude = Corpus.root().resolve("nginx-tests/map.conf");
        ConfigModel cyclic = ConfigModel.load(selfInclude, ConfigModel.Options.defaults());
        assertTrue(cyclic.problems().stream().anyMatch(p -> p.kind() == ModelProblem.Kind.INCLUDE_CYCLE));
    }
}
