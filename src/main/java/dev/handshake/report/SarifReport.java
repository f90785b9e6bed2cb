package dev.handshake.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.lint.Applicability;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Related;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Severity;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule with its documentation,
 * results with locations, related locations and the fixes that need no value from the user, and an
 * invocation that records the paths that could not be read.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The tool that produced the findings. */
    public record Tool(String name, String version, String informationUri) {
    }

    private SarifReport() {
    }

    public static String render(CheckResults results, List<RuleMeta> rules, Tool tool) {
        java.io.StringWriter out = new java.io.StringWriter();
        write(results, rules, tool, out);
        return out.toString();
    }

    /** Streams the log to {@code out}, one result's tree at a time; the bytes are {@link #tree}'s, indented. */
    public static void write(CheckResults results, List<RuleMeta> rules, Tool tool, java.io.Writer out) {
        Map<String, Integer> order = new LinkedHashMap<>();
        ObjectNode root = head(results, rules, tool, order);
        ArrayNode placeholder = (ArrayNode) root.get("runs").get(0).get("results");
        JsonReport.stream(root, placeholder, () -> results.findings().stream()
                .map(d -> (com.fasterxml.jackson.databind.JsonNode) result(results, d, order.get(d.rule())))
                .iterator(), out);
    }

    /** The whole log as one tree. */
    public static ObjectNode tree(CheckResults results, List<RuleMeta> rules, Tool tool) {
        Map<String, Integer> order = new LinkedHashMap<>();
        ObjectNode root = head(results, rules, tool, order);
        ArrayNode resultNodes = (ArrayNode) root.get("runs").get(0).get("results");
        for (Diagnostic d : results.findings()) {
            resultNodes.add(result(results, d, order.get(d.rule())));
        }
        return root;
    }

    /** Everything but the results (left as an empty array); {@code order} receives each rule's index. */
    private static ObjectNode head(CheckResults results, List<RuleMeta> rules, Tool tool, Map<String, Integer> order) {
        Map<String, RuleMeta> known = new LinkedHashMap<>();
        for (RuleMeta meta : rules) {
            known.putIfAbsent(meta.id(), meta);
        }
        for (Diagnostic d : results.findings()) {
            known.computeIfAbsent(d.rule(), id -> RuleMeta.of(id, d.severity(), id.replace('-', ' ')));
        }
        for (String id : known.keySet()) {
            order.put(id, order.size());
        }
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool.name());
        driver.put("version", tool.version());
        if (tool.informationUri() != null) {
            driver.put("informationUri", tool.informationUri());
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleMeta meta : known.values()) {
            ruleNodes.add(rule(meta));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !results.hasFailures());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (FileStatus f : results.files()) {
            if (!f.ok()) {
                ObjectNode n = notifications.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", f.error());
                n.putArray("locations").addObject().putObject("physicalLocation")
                        .putObject("artifactLocation").put("uri", results.paths().uri(f.path()));
            }
        }
        run.putArray("results");
        return root;
    }

    private static ObjectNode rule(RuleMeta meta) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("id", meta.id());
        node.put("name", camelCase(meta.id()));
        node.putObject("shortDescription").put("text", RuleDocs.summary(meta));
        node.putObject("fullDescription").put("text", RuleDocs.description(meta));
        String doc = RuleDocs.markdown(meta.id()).orElse(null);
        ObjectNode help = node.putObject("help");
        if (doc != null) {
            help.put("text", doc);
            help.put("markdown", doc);
        } else {
            help.put("text", RuleDocs.summary(meta));
        }
        node.putObject("defaultConfiguration").put("level", level(meta.defaultSeverity()));
        return node;
    }

    private static ObjectNode result(CheckResults results, Diagnostic d, int ruleIndex) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("ruleId", d.rule());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(d.severity()));
        node.putObject("message").put("text", d.message());
        node.putArray("locations").add(location(results, d.file(), d.range()));
        ArrayNode related = node.putArray("relatedLocations");
        int id = 0;
        for (Related r : d.related()) {
            ObjectNode place = location(results, r.file(), r.range());
            place.put("id", id++);
            place.putObject("message").put("text", r.message());
            related.add(place);
        }
        ArrayNode fixes = node.putArray("fixes");
        for (Fix fix : d.fixes()) {
            if (fix.applicability() == Applicability.UNSAFE) {
                continue;
            }
            List<FileEdit> edits = FixPreview.edits(fix);
            if (!edits.isEmpty()) {
                fixes.add(fix(results, fix, edits));
            }
        }
        return node;
    }

    private static ObjectNode fix(CheckResults results, Fix fix, List<FileEdit> edits) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.putObject("description").put("text", fix.title());
        ArrayNode changes = node.putArray("artifactChanges");
        Map<Path, ArrayNode> byFile = new LinkedHashMap<>();
        for (FileEdit e : edits) {
            ArrayNode replacements = byFile.computeIfAbsent(e.file(), file -> {
                ObjectNode change = changes.addObject();
                change.putObject("artifactLocation").put("uri", results.paths().uri(file));
                return change.putArray("replacements");
            });
            ObjectNode replacement = replacements.addObject();
            replacement.set("deletedRegion", region(results.positionOrStart(e.file(), e.edit().range())));
            replacement.putObject("insertedContent").put("text", e.edit().newText());
        }
        return node;
    }

    private static ObjectNode location(CheckResults results, Path file, TextRange range) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        ObjectNode physical = node.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", results.paths().uri(file));
        physical.set("region", region(results.positionOrStart(file, range)));
        return node;
    }

    private static ObjectNode region(Position at) {
        ObjectNode region = JsonReport.MAPPER.createObjectNode();
        region.put("startLine", at.line());
        region.put("startColumn", at.column());
        region.put("endLine", at.endLine());
        region.put("endColumn", at.endColumn());
        return region;
    }

    /** SARIF's levels: {@code error}, {@code warning}, {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
