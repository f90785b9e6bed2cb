package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.syntax.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snippet's context on disk: the nearest config that includes it. */
class IncludingConfigsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aSnippetTwoIncludesDownFindsTheMainConfigAbove() throws Exception {
        Path main = write("nginx.conf", "events {}\nhttp {\n    include sites-enabled/*;\n}\n");
        write("sites-enabled/gateway", "server {\n    listen 80;\n    include snippets/tls.conf;\n}\n");
        Path snippet = write("snippets/tls.conf", "proxy_ssl_verify on;\n");
        assertEquals(Optional.of(main.toAbsolutePath().normalize()),
                IncludingConfigs.nearest(snippet, ConfigModel.Options.defaults()));
    }

    @Test
    void theNearestIncluderWinsAndOneThatDoesNotIncludeItIsPassedOver() throws Exception {
        write("nginx.conf", "events {}\nhttp {\n    include app/app.conf;\n}\n");
        Path local = write("app/app.conf", "server {\n    include parts/tls.conf;\n}\n");
        write("app/parts/aaa.conf", "# includes nothing\n");
        Path snippet = write("app/parts/tls.conf", "proxy_ssl_verify on;\n");
        assertEquals(Optional.of(local.toAbsolutePath().normalize()),
                IncludingConfigs.nearest(snippet, ConfigModel.Options.defaults()),
                "app/app.conf is one folder up, nginx.conf two");
    }

    @Test
    void aFileNobodyIncludesHasNoContext() throws Exception {
        write("nginx.conf", "events {}\nhttp {\n}\n");
        Path alone = write("conf.d/alone.conf", "proxy_ssl_verify on;\n");
        assertEquals(Optional.empty(), IncludingConfigs.nearest(alone, ConfigModel.Options.defaults()));
    }

    @Test
    void onlyASnippetIsSearchedForNotAMainConfig() {
        assertTrue(IncludingConfigs.looksIncluded(Parser.parse("server { listen 80; }\n").tree()));
        assertTrue(IncludingConfigs.looksIncluded(Parser.parse("proxy_ssl_verify on;\n").tree()));
        assertFalse(IncludingConfigs.looksIncluded(Parser.parse("events {}\nhttp { }\n").tree()));
        assertFalse(IncludingConfigs.looksIncluded(Parser.parse("stream { }\n").tree()));
    }
}
