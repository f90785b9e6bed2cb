package dev.handshake.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArityTest {

    private static final int ANY = Arity.UNBOUNDED;

    @Test
    void formsAreReadAsNginxOrgWritesThem() {
        assertEquals(new Arity(1, 1), Arity.ofForm("proxy_pass URL;"));
        assertEquals(new Arity(1, 1), Arity.ofForm("allow address | CIDR | unix: | all;"));
        assertEquals(new Arity(1, 2), Arity.ofForm("location [ = | ~ | ~* | ^~ ] uri {...}"));
        assertEquals(new Arity(0, 0), Arity.ofForm("server {...}"));
        assertEquals(new Arity(2, ANY), Arity.ofForm("error_page code ... [=[response]] uri;"));
        assertEquals(new Arity(1, ANY), Arity.ofForm("if (condition) {...}"));
        assertEquals(new Arity(2, 3), Arity.ofForm("add_header name value [always];"));
        assertEquals(new Arity(2, 2), Arity.ofForm("perl_set $variable module::function|'sub { ... }';"));
        assertEquals(new Arity(1, ANY), Arity.ofForm("server address [parameters];"));
        assertEquals(new Arity(1, ANY), Arity.ofForm("limit_req zone=name [burst=number] [nodelay | delay=number];"));
        assertEquals(new Arity(1, ANY), Arity.ofForm("gzip_proxied off | expired | any ...;"));
    }

    @Test
    void severalFormsTakeTheWidestRangeAndMeasuredDirectivesWiden() {
        assertEquals(new Arity(1, 2), Arity.of(List.of("return code [text];", "return code URL;", "return URL;")));
        assertEquals(new Arity(1, ANY), Arity.of("error_log", List.of("error_log file [level];")));
        assertEquals(new Arity(0, 1), Arity.of("stub_status", List.of("stub_status;")));
    }
}
