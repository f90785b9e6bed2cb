package dev.handshake.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and one server certificate made with the {@code openssl} command:
 * {@code ca.crt}, and {@code NAME.crt}/{@code NAME.key} signed by it with {@code DNS:NAME} as its only
 * subject alternative name.
 */
final class TestPki {

    private final Path dir;
    private final String serverName;

    private TestPki(Path dir, String serverName) {
        this.dir = dir;
        this.serverName = serverName;
    }

    static TestPki create(Path dir, String serverName) throws IOException, InterruptedException {
        return create(dir, serverName, "DNS:" + serverName);
    }

    /**
     * Like {@link #create(Path, String)}, with subject CN {@code serverName} and the given
     * {@code subjectAltName} value ({@code IP:127.0.0.1}), or none at all when it is {@code null}.
     */
    static TestPki create(Path dir, String serverName, String subjectAltName) throws IOException, InterruptedException {
        TestPki pki = new TestPki(dir, serverName);
        pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Handshake Test CA",
                "-keyout", "ca.key", "-out", "ca.crt");
        pki.openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + serverName,
                "-keyout", serverName + ".key", "-out", serverName + ".csr");
        Files.writeString(dir.resolve("san.ext"), subjectAltName == null ? "basicConstraints=CA:FALSE\n"
                : "subjectAltName=" + subjectAltName + "\n");
        pki.openssl("x509", "-req", "-in", serverName + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", serverName + ".crt");
        return pki;
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    Path serverCertificate() {
        return dir.resolve(serverName + ".crt");
    }

    Path serverKey() {
        return dir.resolve(serverName + ".key");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
