package dev.handshake.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.ModelProblem;
import dev.handshake.syntax.Block;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxError;
import dev.handshake.text.LineIndex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parse in the JSON shape of nginx crossplane's {@code parse} command, so tools built on crossplane
 * can read it: {@code status}, {@code errors} and one {@code config} entry per file reached (the main
 * file first), each with its {@code parsed} statements ({@code directive}, {@code line}, {@code args},
 * and {@code includes} or {@code block} where they apply). Comments are left out, as crossplane does
 * by default; the body of a {@code *_by_lua_block} is its one last argument.
 */
public final class CrossplanePayload {

    /**
     * JSON nesting allowed while writing: two levels per block ({@code block} array, statement object)
     * for the parser's deepest tree, plus the envelope. Jackson's default (1,000) stops at 498 blocks.
     */
    private static final int MAX_NESTING = 2 * dev.handshake.syntax.Parser.MAX_DEPTH + 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private CrossplanePayload() {
    }

    /** The payload as one string, ending with a line break (for small configs and tests). */
    public static String render(ConfigModel model) {
        StringWriter out = new StringWriter();
        try {
            write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Streams the payload to {@code out} (indented JSON, ending with a line break) without building it in memory. */
    public static void write(ConfigModel model, Writer out) throws IOException {
        List<ConfigFile> files = model.files();
        Map<Path, Integer> indexes = new HashMap<>();
        for (ConfigFile f : files) {
            indexes.put(f.path(), indexes.size());
        }
        Map<Path, List<String[]>> errors = new HashMap<>();
        boolean failed = false;
        for (ConfigFile f : files) {
            List<String[]> found = errors(model, f);
            errors.put(f.path(), found);
            failed |= !found.isEmpty();
        }
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("status", failed ? "failed" : "ok");
            json.writeArrayFieldStart("errors");
            for (ConfigFile f : files) {
                for (String[] e : errors.get(f.path())) {
                    error(json, e);
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("config");
            for (ConfigFile f : files) {
                json.writeStartObject();
                json.writeStringField("file", f.path().toString());
                json.writeStringField("status", errors.get(f.path()).isEmpty() ? "ok" : "failed");
                json.writeArrayFieldStart("errors");
                for (String[] e : errors.get(f.path())) {
                    error(json, e);
                }
                json.writeEndArray();
                json.writeFieldName("parsed");
                statements(json, model, f, f.tree().root(), indexes);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    /** True when the payload's status is {@code failed}: a syntax error or an include problem somewhere. */
    public static boolean hasErrors(ConfigModel model) {
        return !model.problems().isEmpty() || model.files().stream().anyMatch(f -> f.parse().hasErrors());
    }

    /** Each error as {file, line, message}. */
    private static List<String[]> errors(ConfigModel model, ConfigFile file) {
        LineIndex lines = file.source().lines();
        List<String[]> found = new ArrayList<>();
        for (SyntaxError e : file.parse().errors()) {
            found.add(new String[] {file.path().toString(), String.valueOf(lines.line(e.range().start())), e.message()});
        }
        for (ModelProblem p : model.problems()) {
            if (p.file().equals(file.path())) {
                found.add(new String[] {file.path().toString(), String.valueOf(lines.line(p.range().start())), p.message()});
            }
        }
        return found;
    }

    private static void error(JsonGenerator json, String[] e) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", e[0]);
        json.writeNumberField("line", Integer.parseInt(e[1]));
        json.writeStringField("error", e[2] + " in " + e[0] + ":" + e[1]);
        json.writeEndObject();
    }

    /** Recursion is bounded by {@link dev.handshake.syntax.Parser#MAX_DEPTH}: deeper blocks are not in the tree. */
    private static void statements(JsonGenerator json, ConfigModel model, ConfigFile file, Block block,
                                   Map<Path, Integer> indexes) throws IOException {
        LineIndex lines = file.source().lines();
        json.writeStartArray();
        for (Directive d : block.directives()) {
            json.writeStartObject();
            json.writeStringField("directive", d.name());
            json.writeNumberField("line", lines.line(d.range().start()));
            json.writeArrayFieldStart("args");
            for (String arg : d.name().equals("if") ? ifArgs(d.args()) : d.args()) {
                json.writeString(arg);
            }
            boolean lua = d.hasBlock() && d.block().luaCode() != null;
            if (lua) {
                json.writeString(d.block().luaCode().text(file.text()).strip());
            }
            json.writeEndArray();
            if (d.name().equals("include") && !d.hasBlock()) {
                json.writeArrayFieldStart("includes");
                for (ConfigFile target : model.includedBy(d)) {
                    Integer index = indexes.get(target.path());
                    if (index != null) {
                        json.writeNumber(index);
                    }
                }
                json.writeEndArray();
            }
            if (d.hasBlock() && !lua) {
                json.writeFieldName("block");
                statements(json, model, file, d.block(), indexes);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** crossplane drops the parentheses around an {@code if} condition. */
    private static List<String> ifArgs(List<String> args) {
        List<String> stripped = new ArrayList<>(args);
        if (stripped.isEmpty() || !stripped.get(0).startsWith("(")
                || !stripped.get(stripped.size() - 1).endsWith(")")) {
            return stripped;
        }
        stripped.set(0, stripped.get(0).substring(1).stripLeading());
        String last = stripped.get(stripped.size() - 1);
        stripped.set(stripped.size() - 1, last.substring(0, last.length() - 1).stripTrailing());
        stripped.removeIf(String::isEmpty);
        return stripped;
    }
}
