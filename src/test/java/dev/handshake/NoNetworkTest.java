package dev.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.cli.Main;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaves the machine: the command line runs in a JVM where every socket, every URL connection
 * and every proxy lookup is a trap that stops the process (exit 97), and, where the kernel allows it, in
 * a network namespace with no network at all ({@code unshare -n}). ArchitectureTest forbids the network
 * classes in the code; this proves the running program.
 */
class NoNetworkTest {

    /** Exit code of a JVM whose code tried to reach the network. */
    static final int TRAPPED = 97;

    /** Installs the traps, then runs the CLI with {@code args}. */
    @SuppressWarnings("deprecation") // the socket factory is deprecated for use, which is what is trapped
    public static void main(String[] args) throws IOException {
        Socket.setSocketImplFactory(NoNetworkTest::trapSocket);
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return trap("a connection to " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                trap("a connection to " + uri);
            }
        });
        java.net.URL.setURLStreamHandlerFactory(protocol -> protocol.equals("jar") || protocol.equals("file")
                || protocol.equals("jrt") ? null : trap("a " + protocol + " URL"));
        System.exit(Main.run(args, System.out, System.err));
    }

    private static <T> T trap(String what) {
        System.err.println("NETWORK: tried to open " + what);
        new Throwable().printStackTrace();
        Runtime.getRuntime().halt(TRAPPED);
        throw new AssertionError();
    }

    private static SocketImpl trapSocket() {
        return trap("a socket");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> prefix, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NoNetworkTest.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static final String CONFIG = "events {}\nhttp {\n    upstream pool { server 10.0.0.1:443; server 10.0.0.2:443; }\n"
            + "    server {\n        listen 80;\n        location / {\n            proxy_pass https://pool;\n"
            + "            proxy_ssl_verify on;\n        }\n    }\n}\n";

    @Test
    void checkFixAndParseOpenNoConnection(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), CONFIG);
        Result check = run(List.of(), dir, "check", "--format", "sarif", "nginx.conf");
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("\"ruleId\":\"upstream-sni-off\"") || check.output().contains("upstream-sni-off"));
        Result fix = run(List.of(), dir, "fix", "--sni-name", "pool.internal", "--trusted-ca",
                "/etc/ssl/certs/ca-certificates.crt", "nginx.conf");
        assertTrue(fix.exit() == 0 || fix.exit() == 1, fix.output());
        assertTrue(fix.output().contains("+++ b/nginx.conf"), fix.output());
        Result parse = run(List.of(), dir, "parse", "nginx.conf");
        assertEquals(0, parse.exit(), parse.output());
        Result explain = run(List.of(), dir, "explain", "upstream-sni-off");
        assertEquals(0, explain.exit(), explain.output());
    }

    @Test
    void theTrapWorks(@TempDir Path dir) throws Exception {
        Result tripped = run(List.of(), dir, "check", "--map-path", "/x=/y", "http://127.0.0.1:9/nginx.conf");
        assertTrue(tripped.exit() == 2 || tripped.exit() == TRAPPED, tripped.output());
        // A direct socket in the trapped JVM really stops it:
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SocketProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(TRAPPED, process.exitValue(), "a socket opened under the trap halts the JVM");
    }

    @Test
    void checkRunsInANetworkNamespaceWithNoNetwork(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare")) || new ProcessBuilder("/usr/bin/unshare", "-n", "true")
                .start().waitFor() != 0) {
            System.out.println("[skipped] NoNetworkTest.checkRunsInANetworkNamespaceWithNoNetwork: unshare -n is not"
                    + " allowed here (needs root or user namespaces)");
            org.junit.jupiter.api.Assumptions.abort("unshare -n unavailable");
        }
        Files.writeString(dir.resolve("nginx.conf"), CONFIG);
        Result check = run(List.of("/usr/bin/unshare", "-n"), dir, "check", "nginx.conf");
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("[upstream-sni-off]"), check.output());
    }

    /** Opens a socket after installing the traps: must end with {@link #TRAPPED}. */
    static final class SocketProbe {
        @SuppressWarnings("deprecation")
        public static void main(String[] args) throws IOException {
            Socket.setSocketImplFactory(NoNetworkTest::trapSocket);
            try (Socket socket = new Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 1000);
            }
            System.exit(0);
        }
    }
}
