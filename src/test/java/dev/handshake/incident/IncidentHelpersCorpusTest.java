package dev.handshake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.Corpus;
import dev.handshake.TestConfigs;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.nginx.UpstreamTarget;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over every corpus config: each HTTPS upstream gets a curl check with a command per reachable
 * server, and an error-log line naming a connection's own address finds that connection.
 */
class IncidentHelpersCorpusTest {

    @Test
    void everyConnectionGetsACheckAndIsFoundFromItsOwnLogLine() {
        int connections = 0;
        int located = 0;
        int addressable = 0;
        for (Path file : TestConfigs.all()) {
            ConfigModel model = ConfigModel.build(new ConfigFile(file, SourceText.decode(Corpus.bytes(file))),
                    ConfigModel.Options.defaults());
            for (UpstreamConnection c : model.upstreamConnections()) {
                connections++;
                String check = CurlCheck.build(model, c, "/ca.pem");
                String where = TestConfigs.relative(file) + ": " + c.describe();
                assertTrue(check.startsWith("# "), where);
                boolean hasCommand = check.lines().anyMatch(l -> l.startsWith("curl ") || l.startsWith("openssl "));
                boolean groupWithoutServers = c.target().group() != null && c.target().group().servers().isEmpty();
                assertTrue(hasCommand || groupWithoutServers || check.contains("skipped unix:"), where + "\n" + check);
                if (c.target().kind() == UpstreamTarget.Kind.IP) {
                    addressable++;
                    String port = c.target().port() != null ? c.target().port() : "443";
                    String line = "SSL_do_handshake() failed, upstream: \"https://" + c.target().host() + ":" + port + "/\"";
                    List<ErrorLogLocator.Match> matches = ErrorLogLocator.locate(model, line);
                    assertFalse(matches.isEmpty(), where);
                    if (matches.stream().anyMatch(m -> m.connection().equals(c))) {
                        located++;
                    }
                }
            }
        }
        assertTrue(connections > (dev.handshake.Corpus.available() ? 50 : 10), "HTTPS upstreams: " + connections);
        assertEquals(addressable, located, "every IP connection is found from its own address");
    }
}
