package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One finding per written directive: a snippet spliced in twice is one cause, its places kept once. */
class WrittenCauseTest {

    @TempDir
    Path dir;

    @Test
    void aDirectiveSplicedInTwiceIsOneCauseAndItemsAreKeptOncePerKey() throws IOException {
        Files.writeString(dir.resolve("tls.conf"), "proxy_ssl_verify off;\nproxy_pass https://10.0.0.1;\n");
        Path main = dir.resolve("nginx.conf");
        Files.writeString(main, String.join("\n",
                "http { proxy_ssl_verify off; server {",
                "  location /a { include tls.conf; }",
                "  location /b { include tls.conf; }",
                "  location /c { proxy_pass https://10.0.0.2; }",
                "} }", ""));
        ConfigModel model = ConfigModel.load(main, ConfigModel.Options.defaults());
        List<UpstreamConnection> all = model.upstreamConnections();
        assertEquals(3, all.size());
        Function<UpstreamConnection, java.util.Optional<dev.handshake.nginx.Statement>> verify =
                c -> model.settings().effective(c.home(), "proxy_ssl_verify");

        List<WrittenCause<UpstreamConnection>> byPlace = WrittenCause.group(all, verify, c -> c.pass().place());
        assertEquals(2, byPlace.size());
        assertEquals("tls.conf", byPlace.get(0).statement().path().getFileName().toString());
        assertEquals(1, byPlace.get(0).affected().size(), "the spliced pass is one place");
        assertEquals(List.of(all.get(2)), byPlace.get(1).affected());

        List<WrittenCause<UpstreamConnection>> byStatement = WrittenCause.group(all, verify, UpstreamConnection::pass);
        assertEquals(List.of(all.get(0), all.get(1)), byStatement.get(0).affected(), "each splice kept");
        assertEquals(List.of(), WrittenCause.group(all, c -> java.util.Optional.empty(), c -> c));
    }
}
