package dev.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPA/conftest recipe: {@code packaging/conftest/proxy_ssl_server_name.rego} reads exactly fields
 * that {@code parse --format crossplane} prints, and the policy's logic (mirrored here over those
 * fields only) denies what it should on {@code recipes/conftest/nginx.conf}. When {@code opa} or
 * {@code conftest} is on the PATH the policy itself runs too.
 */
class PolicyRecipeTest {

    private static final Path POLICY = Path.of("packaging/conftest/proxy_ssl_server_name.rego");
    private static final Path FIXTURE = TestConfigs.OWN.resolve("recipes/conftest/nginx.conf");
    /** The input fields the policy reads, as its header says. */
    private static final Set<String> READS = Set.of("config", "file", "parsed", "directive", "args", "line", "block", "includes");
    /** Rego built-in namespaces and keywords whose dotted names are not input fields. */
    private static final Set<String> BUILTINS = Set.of("array", "numbers", "rego");

    @TempDir
    Path dir;

    private JsonNode payload() throws IOException {
        CliHarness.Run run = CliHarness.run(FIXTURE.getParent(), "parse", "--format", "crossplane", "nginx.conf");
        assertEquals(0, run.exit(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void thePolicyReadsOnlyFieldsTheCrossplaneJsonHas() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher dotted = Pattern.compile("(\\w+|\\])\\.([a-z_]+)").matcher(code());
        while (dotted.find()) {
            if (!BUILTINS.contains(dotted.group(1))) {
                read.add(dotted.group(2));
            }
        }
        Matcher quoted = Pattern.compile("\"([a-z_]+)\"").matcher(code());
        while (quoted.find()) {
            if (!quoted.group(1).startsWith("proxy_") && !quoted.group(1).equals("include") && !quoted.group(1).equals("on")) {
                read.add(quoted.group(1));
            }
        }
        assertEquals(new TreeSet<>(READS), read, "the fields the Rego reads");

        JsonNode payload = payload();
        assertTrue(payload.get("config").isArray());
        Set<String> statementFields = new TreeSet<>();
        for (JsonNode config : payload.get("config")) {
            assertTrue(config.get("file").isTextual() && config.get("parsed").isArray());
            collect(config.get("parsed"), statementFields);
        }
        assertTrue(statementFields.containsAll(Set.of("directive", "args", "line", "block", "includes")), statementFields.toString());
        JsonNode include = find(payload, "include").orElseThrow();
        assertEquals("snippets/sni.conf", include.get("args").get(0).asText());
        JsonNode target = payload.get("config").get(include.get("includes").get(0).asInt());
        assertTrue(target.get("file").asText().endsWith("snippets/sni.conf"), "includes index into config");
        assertEquals("proxy_ssl_server_name", target.get("parsed").get(0).get("directive").asText());
        assertTrue(find(payload, "proxy_pass").orElseThrow().get("line").isInt());
    }

    @Test
    void thePolicysLogicDeniesExactlyTheLocationsWithoutSni() throws IOException {
        assertEquals(List.of("nginx.conf:6: proxy_pass https://10.0.0.1", "nginx.conf:27: proxy_pass https://10.0.0.6"),
                denials(payload()));
    }

    @Test
    void theRealPolicyAgreesWhenOpaOrConftestIsInstalled() throws IOException, InterruptedException {
        Optional<Path> opa = onPath("opa");
        Optional<Path> conftest = onPath("conftest");
        if (opa.isEmpty() && conftest.isEmpty()) {
            System.out.println("[skipped] running the Rego policy: neither opa nor conftest is on the PATH");
            org.junit.jupiter.api.Assumptions.abort("neither opa nor conftest is installed");
        }
        Path input = dir.resolve("nginx.json");
        Files.writeString(input, payload().toString());
        String expected = String.join("\n", denials(payload()));
        if (opa.isPresent()) {
            String out = exec(opa.get().toString(), "eval", "--format", "raw", "-d", POLICY.toString(), "-i", input.toString(),
                    "concat(\"\\n\", sort([m | some m in data.main.deny]))");
            assertEquals(expected, out.strip().replaceAll("(?m)^" + Pattern.quote(FIXTURE.getParent().toString() + "/")
                    + "(.*) sends no SNI.*$", "$1").strip());
        }
        if (conftest.isPresent()) {
            String out = exec(conftest.get().toString(), "test", "--policy", POLICY.getParent().toString(), input.toString());
            assertEquals(2, out.lines().filter(l -> l.contains("sends no SNI")).count(), out);
        }
    }

    /** The policy's rule over the payload: the nearest block (with its includes) that sets SNI decides. */
    static List<String> denials(JsonNode payload) {
        List<String> denied = new ArrayList<>();
        JsonNode configs = payload.get("config");
        for (JsonNode config : configs) {
            walk(configs, config, config.get("parsed"), new ArrayDeque<>(), denied);
        }
        return denied;
    }

    private static void walk(JsonNode configs, JsonNode config, JsonNode block, Deque<JsonNode> enclosing, List<String> denied) {
        enclosing.push(block);
        for (JsonNode s : block) {
            if (s.get("directive").asText().equals("proxy_pass") && s.get("args").get(0).asText().startsWith("https://")
                    && !sniOn(configs, enclosing)) {
                denied.add(Path.of(config.get("file").asText()).getFileName() + ":" + s.get("line").asInt()
                        + ": proxy_pass " + s.get("args").get(0).asText());
            }
            if (s.has("block")) {
                walk(configs, config, s.get("block"), enclosing, denied);
            }
        }
        enclosing.pop();
    }

    private static boolean sniOn(JsonNode configs, Deque<JsonNode> enclosing) {
        for (Iterator<JsonNode> inner = enclosing.iterator(); inner.hasNext(); ) {
            Set<String> values = new TreeSet<>();
            JsonNode block = inner.next();
            List<JsonNode> statements = new ArrayList<>();
            block.forEach(statements::add);
            for (JsonNode d : block) {
                if (d.get("directive").asText().equals("include") && d.has("includes")) {
                    d.get("includes").forEach(i -> configs.get(i.asInt()).get("parsed").forEach(statements::add));
                }
            }
            for (JsonNode s : statements) {
                if (s.get("directive").asText().equals("proxy_ssl_server_name")) {
                    values.add(s.get("args").get(0).asText());
                }
            }
            if (!values.isEmpty()) {
                return values.equals(Set.of("on"));
            }
        }
        return false;
    }

    private static String code() throws IOException {
        StringBuilder code = new StringBuilder();
        for (String line : Files.readAllLines(POLICY)) {
            if (!line.strip().startsWith("#")) {
                code.append(line).append('\n');
            }
        }
        return code.toString();
    }

    private static void collect(JsonNode block, Set<String> fields) {
        for (JsonNode s : block) {
            s.fieldNames().forEachRemaining(fields::add);
            if (s.has("block")) {
                collect(s.get("block"), fields);
            }
        }
    }

    private static Optional<JsonNode> find(JsonNode payload, String directive) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode config : payload.get("config")) {
            findIn(config.get("parsed"), directive, found);
        }
        return found.stream().findFirst();
    }

    private static void findIn(JsonNode block, String directive, List<JsonNode> found) {
        for (JsonNode s : block) {
            if (s.get("directive").asText().equals(directive)) {
                found.add(s);
            }
            if (s.has("block")) {
                findIn(s.get("block"), directive, found);
            }
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(p -> Path.of(p, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
