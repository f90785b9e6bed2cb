package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.TestConfigs;
import dev.handshake.lint.rules.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own realistic configs ({@code src/test/resources/realistic}: a gateway split over
 * {@code conf.d/*.conf} and snippets, SWAG-style proxy-confs that include shared defaults by absolute path,
 * line-ending variants, an include cycle) through the real rules, with exact output. A fresh clone proves
 * the SNI and verify rules on layouts like the corpus's without the corpus.
 */
class RealisticConfigsTest {

    private static final Path DIR = TestConfigs.REALISTIC;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new Main(DIR, Rules.all()).execute(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGatewayTreeReportsItsIpTargetAndItsPoolInTheIncludedFile() {
        Run run = run("check", "gateway/nginx.conf");
        assertEquals(GATEWAY, run.out());
        assertEquals("1 file checked: 3 errors, 1 warning, 0 infos\n", run.err());
        assertEquals(1, run.exit());
    }

    @Test
    void swagProxyConfsAreCheckedWithTheirSharedDefaultsMappedIn() {
        Run run = run("check", "--map-path", "/config/nginx=swag-defaults", "swag/proxy-confs/dns.subdomain.conf",
                "swag/proxy-confs/notes.subfolder.conf", "swag/proxy-confs/vault.subdomain.conf");
        assertEquals(SWAG, run.out());
        assertEquals("3 files checked: 2 errors, 2 warnings, 0 infos\n", run.err());
        assertEquals(1, run.exit());
    }

    @Test
    void safeFixesTouchOnlyTheProxyConfsNeverTheSharedDefaults() {
        Run run = run("fix", "--map-path", "/config/nginx=swag-defaults", "swag/proxy-confs/dns.subdomain.conf",
                "swag/proxy-confs/notes.subfolder.conf", "swag/proxy-confs/vault.subdomain.conf");
        assertEquals(SWAG_FIX, run.out());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void aFixOnACrlfFileKeepsEveryLineEndingCrlf(@TempDir Path tmp) throws IOException {
        Path fixed = tmp.resolve("crlf.conf");
        Run run = run("fix", "--sni-name", "orders.internal", "--output", fixed.toString(), "endings/crlf.conf");
        assertEquals(0, run.exit(), run.err());
        String before = Files.readString(DIR.resolve("endings/crlf.conf"), StandardCharsets.ISO_8859_1);
        String after = Files.readString(fixed, StandardCharsets.ISO_8859_1);
        String added = "            proxy_ssl_server_name on;\r\n"
                + "            proxy_ssl_name orders.internal;\r\n"
                + "            proxy_set_header Host orders.internal;\r\n";
        int at = before.indexOf("proxy_pass https://10.0.0.9;\r\n") + "proxy_pass https://10.0.0.9;\r\n".length();
        assertEquals(before.substring(0, at) + added + before.substring(at), after);
    }

    @Test
    void everyLineEndingVariantChecksWithoutErrorsButTheCrlfUpstream() {
        Run run = run("check", "endings/bom.conf", "endings/cr-only.conf", "endings/crlf.conf", "endings/latin1.conf",
                "endings/mixed.conf", "endings/no-final-newline.conf");
        assertEquals("endings/crlf.conf:6:13: error: no SNI is sent on proxy_pass https://10.0.0.9 in location / "
                + "(proxy_ssl_server_name is off by default): an upstream that needs SNI refuses the handshake "
                + "[upstream-sni-off]\n"
                + "endings/crlf.conf:6:13: warning: the upstream certificate is not verified: `proxy_ssl_verify` is "
                + "off by default, so nginx accepts any certificate, a man in the middle's included "
                + "[upstream-verify-off]\n", run.out());
        assertEquals("6 files checked: 1 error, 1 warning, 0 infos\n", run.err());
    }

    @Test
    void anIncludeCycleIsOneFindingAndTheOtherSamplesAreClean() {
        Run cycle = run("check", "cycle/self.conf");
        assertEquals("cycle/self.conf:3:5: error: include cycle: self.conf -> self.conf [include-cycle]\n", cycle.out());
        assertEquals(1, cycle.exit());
        Run clean = run("check", "maps-and-lua.conf", "stream.conf", "secrets.conf");
        assertEquals("", clean.out());
        assertEquals("3 files checked: 0 errors, 0 warnings, 0 infos\n", clean.err());
        assertEquals(0, clean.exit());
    }

    private static final String GATEWAY = """
                gateway/conf.d/api.conf:12:9: error: no SNI is sent on proxy_pass https://10.20.0.5:8443 in location /orders/ (proxy_ssl_server_name is off by default): an upstream that needs SNI refuses the handshake [upstream-sni-off]
                gateway/conf.d/api.conf:12:9: warning: the upstream certificate is not verified: `proxy_ssl_verify` is off by default, so nginx accepts any certificate, a man in the middle's included [upstream-verify-off]
                gateway/conf.d/api.conf:18:9: error: no SNI is sent on proxy_pass https://payments_pool in location /payments/ (proxy_ssl_server_name is off by default): an upstream that needs SNI refuses the handshake; this takes down all 2 servers of upstream payments_pool together [upstream-sni-off]
                gateway/nginx.conf:25:5: note: upstream payments_pool (2 servers)
                gateway/conf.d/api.conf:19:9: error: `proxy_ssl_verify off` makes nginx accept any upstream certificate, a man in the middle's included, on 1 connection; this covers every server of upstream payments_pool (2 servers) at once [upstream-verify-off]
                gateway/conf.d/api.conf:18:9: note: affects proxy_pass https://payments_pool in location /payments/
                gateway/nginx.conf:25:5: note: upstream payments_pool (2 servers)
                """;

    private static final String SWAG = """
                swag/proxy-confs/dns.subdomain.conf:13:9: error: no SNI is sent on grpc_pass grpcs://$upstream_app:$upstream_port in location / (grpc_ssl_server_name is off by default): an upstream that needs SNI refuses the handshake [upstream-sni-off]
                swag/proxy-confs/dns.subdomain.conf:13:9: warning: the upstream certificate is not verified: `grpc_ssl_verify` is off by default, so nginx accepts any certificate, a man in the middle's included [upstream-verify-off]
                swag/proxy-confs/vault.subdomain.conf:15:9: error: no SNI is sent on proxy_pass $upstream_proto://$upstream_app:$upstream_port in location / ($upstream_proto = https) (proxy_ssl_server_name is off by default): an upstream that needs SNI refuses the handshake [upstream-sni-off]
                swag/proxy-confs/vault.subdomain.conf:14:9: note: $upstream_proto is `https` here: set $upstream_proto https
                swag/proxy-confs/vault.subdomain.conf:15:9: warning: the upstream certificate is not verified: `proxy_ssl_verify` is off by default, so nginx accepts any certificate, a man in the middle's included [upstream-verify-off]
                swag/proxy-confs/vault.subdomain.conf:14:9: note: $upstream_proto is `https` here: set $upstream_proto https
                """;

    private static final String SWAG_FIX = """
                --- a/swag/proxy-confs/dns.subdomain.conf
                +++ b/swag/proxy-confs/dns.subdomain.conf
                @@ -11,5 +11,6 @@
                         set $upstream_app dnsdist;
                         set $upstream_port 8443;
                         grpc_pass grpcs://$upstream_app:$upstream_port;
                +        grpc_ssl_server_name on;
                     }
                 }
                --- a/swag/proxy-confs/vault.subdomain.conf
                +++ b/swag/proxy-confs/vault.subdomain.conf
                @@ -13,5 +13,6 @@
                         set $upstream_port 8200;
                         set $upstream_proto https;
                         proxy_pass $upstream_proto://$upstream_app:$upstream_port;
                +        proxy_ssl_server_name on;
                     }
                 }
                """;
}
