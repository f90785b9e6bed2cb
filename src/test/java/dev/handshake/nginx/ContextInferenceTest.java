package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.syntax.Parser;
import org.junit.jupiter.api.Test;

class ContextInferenceTest {

    private static ScopeKind infer(String text) {
        return ContextInference.infer(Parser.parse(text).tree());
    }

    @Test
    void fragmentsGoWhereTheirDirectivesAreAllowed() {
        assertEquals(ScopeKind.LOCATION, infer("proxy_pass http://a;\nproxy_set_header Host a;\n"));
        assertEquals(ScopeKind.SERVER, infer("ssl_protocols TLSv1.2 TLSv1.3;\nssl_session_cache shared:SSL:10m;\n"));
        assertEquals(ScopeKind.HTTP, infer("proxy_cache_path /var/cache keys_zone=c:10m;\n"));
        assertEquals(ScopeKind.HTTP, infer("ssl_protocols TLSv1.2;\nvariables_hash_max_size 2048;\n"));
        assertEquals(ScopeKind.SERVER, infer("listen 80;\nlocation / { }\n"));
        assertEquals(ScopeKind.MAIN, infer("events { }\nhttp { }\n"));
    }

    @Test
    void keepsTheGuessWhenNoContextFitsEverything() {
        assertEquals(ScopeKind.LOCATION, infer("ssl_certificate a.pem;\nproxy_pass http://a;\n"));
        assertEquals(ScopeKind.LOCATION, infer("unknown_thing on;\n"));
    }
}
