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
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.Key.SNI_NAME, "api.internal"));
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.Key.SNI_NAME, "api.internal:8443"));
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.Key.SNI_NAME, "$upstream_host"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.Key.SNI_NAME, "10.0.0.5"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.Key.SNI_NAME, "[::1]"));
        assertEquals(Optional.of(IP), FixInputs.problem(FixInput.Key.SNI_NAME, "::1"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.Key.SNI_NAME, "bad name;"));
        assertEquals(Optional.of("not a host name: use letters, digits, '-' and '.' (or a $variable)"),
                FixInputs.problem(FixInput.Key.SNI_NAME, "*.example.com"));
        assertEquals(Optional.of("not a host name: empty label between dots"),
                FixInputs.problem(FixInput.Key.SNI_NAME, "api..internal"));
        assertEquals(Optional.of("a value is needed"), FixInputs.problem(FixInput.Key.SNI_NAME, "  "));
    }

    @Test
    void pathsMustBeOneArgument() {
        assertEquals(Optional.empty(), FixInputs.problem(FixInput.Key.TRUSTED_CA, "/etc/ssl/certs/ca-certificates.crt"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.Key.TRUSTED_CA, "/etc/my ca.pem"));
        assertEquals(Optional.of(ARGUMENT), FixInputs.problem(FixInput.Key.TRUSTED_CA, "/etc/ca.pem; include /x"));
    }

    @Test
    void everyKeyIsFoundByItsIdAndAFixReadsTypedValuesGivenById() {
        for (FixInput.Key key : FixInput.Key.values()) {
            assertEquals(Optional.of(key), FixInput.Key.byId(key.id()));
        }
        assertEquals("sni-name", FixInput.Key.SNI_NAME.id());
        assertEquals(Optional.empty(), FixInput.Key.byId("SNI_NAME"));
        java.util.List<String> seen = new java.util.ArrayList<>();
        FixInput ca = new FixInput(FixInput.Key.TRUSTED_CA, "CA", java.util.List.of("/suggested.pem"));
        FixInput name = new FixInput(FixInput.Key.SNI_NAME, "name", java.util.List.of());
        Fix fix = Fix.withInputs("t", java.util.List.of(ca, name), values -> {
            seen.add(values.get(FixInput.Key.TRUSTED_CA) + " " + values.get(FixInput.Key.SNI_NAME)
                    + " " + values.getOrDefault(FixInput.Key.REASON, "none"));
            return java.util.List.of();
        });
        fix.edits(java.util.Map.of("sni-name", "a.example", "no-such-input", "x"));
        assertEquals(java.util.List.of("/suggested.pem a.example none"), seen);
        assertEquals(Optional.of(name), fix.input(FixInput.Key.SNI_NAME));
        assertEquals("trusted-ca", ca.key());
    }
}
