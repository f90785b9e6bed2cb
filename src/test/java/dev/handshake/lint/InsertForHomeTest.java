package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.TestConfigs;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.UpstreamConnection;
import dev.handshake.text.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place inserted lines go for a connection's block: after the first pass of its family there. */
class InsertForHomeTest {

    @Test
    void everyConnectionOfABlockInsertsAfterTheFirstPassOfItsFamily() {
        String text = String.join("\n",
                "http { server { location /a {",
                "    if ($arg_g) { grpc_pass grpcs://10.0.0.9; }",
                "    proxy_pass https://10.0.0.1;",
                "    if ($arg_x) { proxy_pass https://10.0.0.2; }",
                "} } }", "");
        ConfigModel model = TestConfigs.model(text);
        List<UpstreamConnection> all = model.upstreamConnections();
        assertEquals(3, all.size());
        FileEdit fromFirst = DirectiveEdits.insertForHome(model, pass(all, "10.0.0.1"), List.of("proxy_ssl_verify on;"));
        FileEdit fromIf = DirectiveEdits.insertForHome(model, pass(all, "10.0.0.2"), List.of("proxy_ssl_verify on;"));
        assertEquals(fromFirst, fromIf);
        String after = TextEdit.apply(text, List.of(fromIf.edit()));
        int inserted = after.indexOf("proxy_ssl_verify on;");
        assertTrue(inserted > after.indexOf("proxy_pass https://10.0.0.1;"), after);
        assertTrue(inserted < after.indexOf("if ($arg_x)"), after);
        // The grpc pass in its if inserts before that if, not after the proxy_pass.
        FileEdit grpc = DirectiveEdits.insertForHome(model, pass(all, "10.0.0.9"), List.of("grpc_ssl_verify on;"));
        String grpcAfter = TextEdit.apply(text, List.of(grpc.edit()));
        assertTrue(grpcAfter.indexOf("grpc_ssl_verify on;") < grpcAfter.indexOf("if ($arg_g)"));
    }

    private static UpstreamConnection pass(List<UpstreamConnection> all, String address) {
        return all.stream().filter(c -> c.pass().directive().arg(0).contains(address)).findFirst().orElseThrow();
    }
}
