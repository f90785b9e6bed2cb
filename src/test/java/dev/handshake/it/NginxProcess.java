package dev.handshake.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx running in the foreground from a config file under its own prefix directory (logs, pid,
 * temporary files), stopped by {@link #close()} however the test ends.
 */
final class NginxProcess implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Process process;
    private final Path prefix;

    private NginxProcess(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /** The nginx binary on this machine, if any. */
    static Optional<Path> binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The nginx binary. Without one the calling test is skipped with a printed line, or fails when
     * {@code -Dhandshake.nginx.required=true} (CI installs nginx, so there these tests always run).
     */
    static Path requireBinary() {
        Optional<Path> found = binary();
        if (found.isEmpty()) {
            String reason = "nginx is not installed (apt-get install nginx-light libnginx-mod-stream)";
            if (Boolean.getBoolean("handshake.nginx.required")) {
                throw new IllegalStateException(reason + "; -Dhandshake.nginx.required=true says it must be");
            }
            System.out.println("[skipped] real-nginx test: " + reason);
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        return found.get();
    }

    /** A TCP port on loopback that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The main-level and http-level lines every test config needs so that nginx keeps its pid, logs and
     * temporary files under {@code prefix} (and runs its workers as root when the tests run as root, so
     * they can read the test's private files).
     */
    static String mainPreamble(Path prefix) {
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + "worker_processes 1;\n"
                + "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + " info;\n"
                + "events { worker_connections 64; }\n";
    }

    /** Temporary-file paths for the http block, all under {@code prefix}. */
    static String httpPreamble(Path prefix) {
        StringBuilder lines = new StringBuilder("    access_log " + prefix.resolve("access.log") + ";\n");
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            lines.append("    ").append(kind).append("_temp_path ").append(prefix.resolve(kind)).append(";\n");
        }
        return lines.toString();
    }

    /**
     * Starts an upstream on 127.0.0.1:{@code port} that completes a handshake only for SNI {@code name}
     * ({@code ssl_reject_handshake on} in its default server) and answers every request with
     * {@code body} ({@code return 200 "..."} text, nginx variables allowed).
     */
    static NginxProcess startSniOnlyUpstream(Path prefix, TestPki pki, String name, int port, String body)
            throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        String config = mainPreamble(prefix)
                + "http {\n" + httpPreamble(prefix)
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + " ssl default_server;\n"
                + "        ssl_reject_handshake on;\n"
                + "    }\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + " ssl;\n"
                + "        server_name " + name + ";\n"
                + "        ssl_certificate " + pki.serverCertificate() + ";\n"
                + "        ssl_certificate_key " + pki.serverKey() + ";\n"
                + "        location / { return 200 \"" + body + "\\n\"; }\n"
                + "    }\n"
                + "}\n";
        return start(prefix, Files.writeString(prefix.resolve("nginx.conf"), config), port);
    }

    /** A GET of {@code path} on 127.0.0.1:{@code port}, with short timeouts. */
    static java.net.http.HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(java.time.Duration.ofSeconds(10)).build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** Starts nginx on {@code config} and waits until every port in {@code ports} accepts connections. */
    static NginxProcess start(Path prefix, Path config, int... ports) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        Process process = new ProcessBuilder(command(prefix, config, "-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
        NginxProcess nginx = new NginxProcess(process, prefix);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String logs = nginx.logs();
                    nginx.close();
                    throw new IOException("nginx did not start on port " + port + ":\n" + logs);
                }
                Thread.sleep(50);
            }
        }
        return nginx;
    }

    /** Runs {@code nginx -t} on {@code config}; returns its exit code and output. */
    static TestResult test(Path prefix, Path config) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        Process process = new ProcessBuilder(command(prefix, config, "-t")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return new TestResult(process.exitValue(), output);
    }

    record TestResult(int exitCode, String output) {
    }

    /** Everything nginx logged so far (error log and its console output). */
    String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("error.log", "stdout.log")) {
            Path file = prefix.resolve(name);
            if (Files.exists(file)) {
                out.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // With daemon off the workers are the master's children; make sure none outlive it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static List<String> command(Path prefix, Path config, String... extra) {
        List<String> command = new ArrayList<>();
        command.add(binary().orElseThrow().toString());
        command.addAll(List.of("-e", prefix.resolve("error.log").toString(), "-p", prefix + "/", "-c",
                config.toAbsolutePath().toString()));
        command.addAll(List.of(extra));
        return command;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
