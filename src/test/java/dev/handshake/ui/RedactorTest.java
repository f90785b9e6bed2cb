package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What "Copy redacted" masks, and that it leaves everything else alone. */
class RedactorTest {

    @Test
    void masksCredentialsAndKeepsTheRest() {
        String text = "http {\n"
                + "    # keep this comment\n"
                + "    proxy_set_header Authorization \"Bearer abc.def\";\n"
                + "    proxy_set_header X-Real-IP $remote_addr;\n"
                + "    auth_basic_user_file /etc/nginx/htpasswd;\n"
                + "    ssl_password_file /etc/keys/pass.txt;\n"
                + "    map $http_x_api_token $client {\n"
                + "        default anonymous;\n"
                + "        s3cr3t-token-1 alice;\n"
                + "    }\n"
                + "    proxy_pass https://backend;\n"
                + "}\n";
        String expected = "http {\n"
                + "    # keep this comment\n"
                + "    proxy_set_header Authorization \"REDACTED\";\n"
                + "    proxy_set_header X-Real-IP $remote_addr;\n"
                + "    auth_basic_user_file REDACTED;\n"
                + "    ssl_password_file REDACTED;\n"
                + "    map $http_x_api_token $client {\n"
                + "        default anonymous;\n"
                + "        REDACTED alice;\n"
                + "    }\n"
                + "    proxy_pass https://backend;\n"
                + "}\n";
        assertEquals(expected, Redactor.redact(text));
    }

    @Test
    void nothingSecretNothingChanged() {
        String text = "server { listen 443 ssl; proxy_ssl_verify on; }\n";
        assertEquals(text, Redactor.redact(text));
    }
}
