package dev.handshake.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixInputsTest {

    private static final String IP = "an IP address is never sent as SNI (RFC 6066 allows host names only):"
            + " use the DNS name the upstream's certificate carries";
    private static final String ARGUMENT = "it would not be one nginx argument: no spaces, quotes, ';', '{', '}' or '#'";

    @Test
    void sniNamesMustBeHostNames() {
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.SNI_NAME, "api.internal"));
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.SNI_NAME, "api.internal:8443"));
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.SNI_NAME, "$upstream_host"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.SNI_NAME, "10.0.0.5"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.SNI_NAME, "[::1]"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.SNI_NAME, "::1"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.SNI_NAME, "bad name;"));
        assertEquals(Optional.of("not a host name: use letters, digits, '-' and '.' (or a $variable)"),
                FixInputs.problem(FixInput.SNI_NAME, "*.example.com"));
        assertEquals(Optional.of("not a host name: empty label between dots"),
                FixInputs.problem(FixInput.SNI_NAME, "api..internal"));
        assertEquals(Optional.of("a value is needed"), FixInputs.problem(FixInput.SNI_NAME, "  "));
    }

    @Test
    void pathsMustBeOneArgument() {
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.TRUSTED_CA, "/etc/ssl/certs/ca-certificates.crt"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.TRUSTED_CA, "/etc/my ca.pem"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.TRUSTED_CA, "/etc/ca.pem; include /x"));
    }
}
