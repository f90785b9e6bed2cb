package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuickFixTitleTest {

    @Test
    void codeMarksAndTheirSemicolonsLeaveMenuTitles() {
        assertEquals("Send SNI: add proxy_ssl_server_name on, proxy_ssl_name NAME and proxy_set_header Host NAME",
                QuickFixes.plain("Send SNI: add `proxy_ssl_server_name on;`, `proxy_ssl_name NAME;` and "
                        + "`proxy_set_header Host NAME;`"));
        assertEquals("Verify the upstream: set proxy_ssl_verify on with a trusted CA",
                QuickFixes.plain("Verify the upstream: set `proxy_ssl_verify on;` with a trusted CA"));
    }
}
