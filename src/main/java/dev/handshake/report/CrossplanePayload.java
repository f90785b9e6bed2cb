package dev.handshake.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.ModelProblem;
import dev.handshake.syntax.Block;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxError;
import dev.handshake.text.LineIndex;
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

    private CrossplanePayload() {
    }

    public static String render(ConfigModel model) {
        return JsonReport.write(tree(model));
    }

    /** True when the payload's status is {@code failed}: a syntax error or an include problem somewhere. */
    public static boolean hasErrors(ConfigModel model) {
        return !model.problems().isEmpty() || model.files().stream().anyMatch(f -> f.parse().hasErrors());
    }

    public static ObjectNode tree(ConfigModel model) {
        List<ConfigFile> files = model.files();
        Map<Path, Integer> indexes = new HashMap<>();
        for (ConfigFile f : files) {
            indexes.put(f.path(), indexes.size());
        }
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("status", "ok");
        ArrayNode allErrors = root.putArray("errors");
        ArrayNode configs = root.putArray("config");
        for (ConfigFile f : files) {
            ObjectNode config = configs.addObject();
            config.put("file", f.path().toString());
            List<ObjectNode> errors = errors(model, f);
            config.put("status", errors.isEmpty() ? "ok" : "failed");
            ArrayNode errorNodes = config.putArray("errors");
            for (ObjectNode e : errors) {
                errorNodes.add(e);
                allErrors.add(e.deepCopy());
            }
            config.set("parsed", statements(model, f, f.tree().root(), indexes));
        }
        if (!allErrors.isEmpty()) {
            root.put("status", "failed");
        }
        return root;
    }

    private static List<ObjectNode> errors(ConfigModel model, ConfigFile file) {
        LineIndex lines = file.source().lines();
        List<ObjectNode> found = new ArrayList<>();
        for (SyntaxError e : file.parse().errors()) {
            found.add(error(file.path(), lines.line(e.range().start()), e.message()));
        }
        for (ModelProblem p : model.problems()) {
            if (p.file().equals(file.path())) {
                found.add(error(file.path(), lines.line(p.range().start()), p.message()));
            }
        }
        return found;
    }

    private static ObjectNode error(Path file, int line, String message) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("line", line);
        node.put("error", message + " in " + file + ":" + line);
        return node;
    }

    private static ArrayNode statements(ConfigModel model, ConfigFile file, Block block, Map<Path, Integer> indexes) {
        ArrayNode parsed = JsonReport.MAPPER.createArrayNode();
        LineIndex lines = file.source().lines();
        for (Directive d : block.directives()) {
            ObjectNode node = parsed.addObject();
            node.put("directive", d.name());
            node.put("line", lines.line(d.range().start()));
            ArrayNode args = node.putArray("args");
            for (String arg : d.name().equals("if") ? ifArgs(d.args()) : d.args()) {
                args.add(arg);
            }
            if (d.name().equals("include") && !d.hasBlock()) {
                ArrayNode includes = node.putArray("includes");
                for (ConfigFile target : model.includedBy(d)) {
                    Integer index = indexes.get(target.path());
                    if (index != null) {
                        includes.add(index);
                    }
                }
            }
            if (d.hasBlock()) {
                if (d.block().luaCode() != null) {
                    args.add(d.block().luaCode().text(file.text()).strip());
                } else {
                    node.set("block", statements(model, file, d.block(), indexes));
                }
            }
        }
        return parsed;
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
