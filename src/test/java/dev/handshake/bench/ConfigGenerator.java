package dev.handshake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes realistic nginx configurations of any size, in the shapes that once made the engine grow
 * faster than the config (issue 14). Each shape is a multi-tenant gateway repeated until the file
 * reaches the wanted number of lines; the result is deterministic.
 *
 * <p>Command line (for timing the CLI): {@code java -cp target/test-classes dev.handshake.bench.ConfigGenerator
 * SHAPE LINES OUT} writes {@code OUT} (for {@code include-tree}, {@code OUT} is a directory holding
 * {@code nginx.conf} and {@code conf.d/}).
 */
public final class ConfigGenerator {

    /** The shapes, by their command-line name. */
    public enum Shape {
        /** One {@code upstream{}} shared by every server, each server with its own {@code proxy_ssl_name}. */
        SHARED_UPSTREAM("shared-upstream"),
        /** One {@code upstream{}} per server, named and verified. */
        UPSTREAM_PER_SERVER("upstream-per-server"),
        /** {@code proxy_ssl_verify off} in every location, each with its own upstream hostname. */
        VERIFY_OFF("verify-off"),
        /** {@code set $upstream_scheme https; proxy_pass $upstream_scheme://...} in every location. */
        VARIABLE_SCHEME("variable-scheme"),
        /** Thousands of servers with no TLS upstream at all (static files, plain http proxying). */
        NO_TLS("no-tls"),
        /** {@code include conf.d/*.conf} with one server per file (see {@link #writeIncludeTree}). */
        INCLUDE_TREE("include-tree"),
        /** One-word directives at top level, one a line. */
        TINY_DIRECTIVES("tiny");

        private final String cliName;

        Shape(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        static Shape named(String name) {
            for (Shape s : values()) {
                if (s.cliName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown shape " + name);
        }
    }

    private ConfigGenerator() {
    }

    /**
     * A single-file config of {@code shape} with at least {@code lines} lines (the last server is
     * completed). {@link Shape#INCLUDE_TREE} gives the same servers inline; use {@link #writeIncludeTree}
     * for files.
     */
    public static String generate(Shape shape, int lines) {
        if (shape == Shape.TINY_DIRECTIVES) {
            StringBuilder out = new StringBuilder(lines * 6);
            for (int i = 0; i < lines; i++) {
                out.append("tiny;\n");
            }
            return out.toString();
        }
        Lines out = new Lines();
        out.line("worker_processes auto;");
        out.line("events {").line("    worker_connections 1024;").line("}");
        out.line("http {");
        out.line("    sendfile on;");
        out.line("    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
        if (shape == Shape.SHARED_UPSTREAM) {
            upstream(out, "backend", 0);
        }
        int tenant = 0;
        while (out.count < lines - 1) {
            server(out, shape, tenant++);
        }
        out.line("}");
        return out.toString();
    }

    /**
     * Files of an include tree: {@code nginx.conf} whose http block includes {@code conf.d/*.conf}, and
     * {@code files} vhost files of one TLS-proxying server each.
     */
    public static Map<String, String> includeTree(int files) {
        Map<String, String> tree = new LinkedHashMap<>();
        tree.put("nginx.conf", "worker_processes auto;\nevents {\n    worker_connections 1024;\n}\nhttp {\n"
                + "    sendfile on;\n    proxy_ssl_verify on;\n"
                + "    proxy_ssl_trusted_certificate /etc/ssl/certs/internal-ca.pem;\n"
                + "    include conf.d/*.conf;\n}\n");
        for (int i = 0; i < files; i++) {
            Lines out = new Lines();
            server(out, Shape.INCLUDE_TREE, i);
            tree.put(String.format(Locale.ROOT, "conf.d/vhost-%05d.conf", i), out.toString());
        }
        return tree;
    }

    /** Writes {@link #includeTree} under {@code dir}; returns the main file. */
    public static Path writeIncludeTree(Path dir, int files) throws IOException {
        for (Map.Entry<String, String> e : includeTree(files).entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
        return dir.resolve("nginx.conf");
    }

    private static void upstream(Lines out, String name, int tenant) {
        out.line("    upstream " + name + " {");
        out.line("        server 10.0." + (tenant / 250 % 250) + "." + (tenant % 250 + 1) + ":443 max_fails=3;");
        out.line("        server 10.1." + (tenant / 250 % 250) + "." + (tenant % 250 + 1) + ":443 backup;");
        out.line("        keepalive 16;");
        out.line("    }");
    }

    private static void server(Lines out, Shape shape, int tenant) {
        String host = "tenant" + tenant + ".example.com";
        if (shape == Shape.UPSTREAM_PER_SERVER) {
            upstream(out, "tenant" + tenant + "_pool", tenant);
        }
        out.line("    server {");
        out.line("        listen 443 ssl;");
        out.line("        server_name " + host + ";");
        out.line("        ssl_certificate /etc/ssl/tenants/" + tenant + ".crt;");
        out.line("        ssl_certificate_key /etc/ssl/tenants/" + tenant + ".key;");
        out.line("        access_log /var/log/nginx/tenant" + tenant + ".log;");
        switch (shape) {
            case SHARED_UPSTREAM:
                out.line("        proxy_ssl_server_name on;");
                out.line("        proxy_ssl_name " + "api." + host + ";");
                break;
            case UPSTREAM_PER_SERVER:
            case INCLUDE_TREE:
                out.line("        proxy_ssl_server_name on;");
                out.line("        proxy_ssl_name backend." + host + ";");
                out.line("        proxy_ssl_verify on;");
                out.line("        proxy_ssl_trusted_certificate /etc/ssl/certs/internal-ca.pem;");
                break;
            default:
                break;
        }
        String[] paths = {"/", "/api/", "/static/", "/admin/"};
        for (int i = 0; i < paths.length; i++) {
            out.line("        location " + paths[i] + " {");
            location(out, shape, tenant, i);
            out.line("            proxy_set_header Host $host;");
            out.line("            proxy_read_timeout 30s;");
            out.line("        }");
        }
        out.line("    }");
    }

    private static void location(Lines out, Shape shape, int tenant, int index) {
        String backend = "svc" + index + ".tenant" + tenant + ".internal";
        switch (shape) {
            case SHARED_UPSTREAM:
                out.line("            proxy_pass https://backend;");
                break;
            case UPSTREAM_PER_SERVER:
                out.line("            proxy_pass https://tenant" + tenant + "_pool;");
                break;
            case VERIFY_OFF:
                out.line("            proxy_pass https://" + backend + ":8443;");
                out.line("            proxy_ssl_server_name on;");
                out.line("            proxy_ssl_verify off;");
                break;
            case VARIABLE_SCHEME:
                out.line("            set $upstream_scheme https;");
                out.line("            proxy_pass $upstream_scheme://" + backend + ";");
                out.line("            proxy_ssl_server_name on;");
                break;
            case NO_TLS:
                if (index == 2) {
                    out.line("            root /srv/tenant" + tenant + "/static;");
                } else {
                    out.line("            proxy_pass http://" + backend + ":8080;");
                }
                break;
            case INCLUDE_TREE:
                out.line("            proxy_pass https://" + backend + ";");
                break;
            default:
                throw new IllegalStateException(shape.toString());
        }
    }

    /** A text builder that counts its lines. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();
        private int count;

        Lines line(String line) {
            text.append(line).append('\n');
            count++;
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** {@code SHAPE LINES OUT}: writes one generated config (for include-tree, LINES is the number of vhost files). */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ConfigGenerator SHAPE LINES OUT (shapes: "
                    + String.join(", ", java.util.Arrays.stream(Shape.values()).map(Shape::cliName)
                    .toArray(String[]::new)) + ")");
        }
        Shape shape = Shape.named(args[0]);
        int lines = Integer.parseInt(args[1].replace("_", ""));
        Path out = Path.of(args[2]);
        if (shape == Shape.INCLUDE_TREE) {
            writeIncludeTree(out, lines);
            return;
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, generate(shape, lines), StandardCharsets.UTF_8);
    }
}
