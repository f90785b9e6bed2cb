package dev.handshake.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.Related;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The stable JSON output of {@code check} (version 1): {@code files} with the status of every path
 * asked for, and {@code findings} with 1-based positions, related places and fixes with their edits.
 */
public final class JsonReport {

    public static final int VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The whole report as one tree (small runs and tests); {@link #write(CheckResults, Writer)} streams it. */
    public static ObjectNode tree(CheckResults results) {
        ObjectNode root = head(results);
        ArrayNode findings = (ArrayNode) root.get("findings");
        for (Diagnostic d : results.findings()) {
            findings.add(finding(results, d));
        }
        return root;
    }

    /** Everything but the findings, whose array is left empty. */
    private static ObjectNode head(CheckResults results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode files = root.putArray("files");
        for (FileStatus f : results.files()) {
            ObjectNode file = files.addObject();
            file.put("file", results.paths().display(f.path()));
            file.put("status", f.ok() ? "ok" : "error");
            if (!f.ok()) {
                file.put("error", f.error());
            }
        }
        root.putArray("findings");
        return root;
    }

    /** The report as indented JSON, ending with a line break. */
    public static String render(CheckResults results) {
        StringWriter out = new StringWriter();
        write(results, out);
        return out.toString();
    }

    /**
     * Streams the report to {@code out}: one finding's tree at a time, so a million findings never sit
     * in memory as one document or one string. The bytes are those of {@link #tree} written indented.
     */
    public static void write(CheckResults results, Writer out) {
        ObjectNode root = head(results);
        stream(root, (ArrayNode) root.get("findings"),
                () -> results.findings().stream().map(d -> (JsonNode) finding(results, d)).iterator(), out);
    }

    /**
     * Writes {@code root} indented, with the empty array {@code placeholder} inside it filled from
     * {@code elements} as they are made, then a line break.
     */
    static void stream(JsonNode root, ArrayNode placeholder, Iterable<JsonNode> elements, Writer out) {
        try {
            JsonGenerator gen = MAPPER.getFactory().createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setPrettyPrinter(new DefaultPrettyPrinter());
            writeNode(gen, root, placeholder, elements);
            gen.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNode(JsonGenerator gen, JsonNode node, ArrayNode placeholder, Iterable<JsonNode> elements)
            throws IOException {
        if (node == placeholder) {
            gen.writeStartArray();
            for (JsonNode element : elements) {
                MAPPER.writeTree(gen, element);
            }
            gen.writeEndArray();
        } else if (node.isObject()) {
            gen.writeStartObject();
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                gen.writeFieldName(field.getKey());
                writeNode(gen, field.getValue(), placeholder, elements);
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode element : node) {
                writeNode(gen, element, placeholder, elements);
            }
            gen.writeEndArray();
        } else {
            MAPPER.writeTree(gen, node);
        }
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode finding(CheckResults results, Diagnostic d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", d.rule());
        node.put("severity", d.severity().label());
        node.put("file", results.paths().display(d.file()));
        putRange(node, results.positionOrStart(d.file(), d.range()));
        node.put("message", d.message());
        ArrayNode related = node.putArray("related");
        for (Related r : d.related()) {
            ObjectNode place = related.addObject();
            Position at = results.positionOrStart(r.file(), r.range());
            place.put("file", results.paths().display(r.file()));
            place.put("line", at.line());
            place.put("column", at.column());
            place.put("message", r.message());
        }
        ArrayNode fixes = node.putArray("fixes");
        for (Fix fix : d.fixes()) {
            ObjectNode f = fixes.addObject();
            f.put("title", fix.title());
            f.put("applicability", fix.applicability().label());
            ArrayNode edits = f.putArray("edits");
            for (FileEdit e : FixPreview.edits(fix)) {
                Path file = e.file();
                ObjectNode edit = edits.addObject();
                edit.put("file", results.paths().display(file));
                putRange(edit, results.positionOrStart(file, e.edit().range()));
                edit.put("newText", e.edit().newText());
            }
        }
        return node;
    }

    private static void putRange(ObjectNode node, Position at) {
        node.put("line", at.line());
        node.put("column", at.column());
        node.put("endLine", at.endLine());
        node.put("endColumn", at.endColumn());
    }
}
