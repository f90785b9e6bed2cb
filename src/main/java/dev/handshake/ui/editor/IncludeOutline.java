package dev.handshake.ui.editor;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.Directive;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The files reached from a model's main file through its includes, globs expanded, as nginx reads
 * them: each file under the file that includes it, once per place it is included, and an include that
 * reaches nothing as an entry without a file. Pure data, worked out once per model (in the background,
 * with the analysis) and kept with it, so the window compares two outlines instead of walking every
 * directive on the FX thread.
 *
 * @param file     the file, or {@code null} for an include that reached nothing
 * @param label    what a tree shows: the path relative to the main file's folder, or the include's
 *                 pattern and "(no file)"
 * @param from     the file holding the include, or {@code null} for the main file
 * @param include  the include directive's range in {@code from}, or {@code null} for the main file
 * @param children what this file includes, in order
 */
public record IncludeOutline(Path file, String label, Path from, TextRange include, List<IncludeOutline> children) {

    private static final String INCLUDE = "include";
    private static final Object KEY = new Object();

    /** The outline of {@code model}, worked out on first use and kept with the model. */
    public static IncludeOutline of(ConfigModel model) {
        return model.derived(KEY, IncludeOutline::build);
    }

    private static IncludeOutline build(ConfigModel model) {
        ConfigFile main = model.main();
        Path base = main.path().getParent();
        Deque<Path> stack = new ArrayDeque<>();
        stack.push(main.path());
        return new IncludeOutline(main.path(), main.path().getFileName().toString(), null, null,
                children(model, main, base, stack));
    }

    private static List<IncludeOutline> children(ConfigModel model, ConfigFile file, Path base, Deque<Path> stack) {
        List<IncludeOutline> children = new ArrayList<>();
        for (Directive include : includes(file)) {
            List<ConfigFile> reached = model.includedBy(include);
            TextRange range = include.range();
            if (reached.isEmpty()) {
                String pattern = include.argCount() > 0 ? include.arg(0) : "";
                children.add(new IncludeOutline(null, pattern + " (no file)", file.path(), range, List.of()));
                continue;
            }
            for (ConfigFile target : reached) {
                List<IncludeOutline> below = List.of();
                if (!stack.contains(target.path())) {
                    stack.push(target.path());
                    below = children(model, target, base, stack);
                    stack.pop();
                }
                children.add(new IncludeOutline(target.path(), relative(base, target.path()), file.path(), range, below));
            }
        }
        return List.copyOf(children);
    }

    private static List<Directive> includes(ConfigFile file) {
        List<Directive> found = new ArrayList<>();
        String text = file.tree().text();
        // Compared in place, without a name string per directive.
        file.tree().walk(d -> {
            var name = d.nameToken();
            if (name.end() - name.start() == INCLUDE.length() && text.startsWith(INCLUDE, name.start())
                    && !d.hasBlock() && d.argCount() == 1) {
                found.add(d);
            }
        });
        return found;
    }

    private static String relative(Path base, Path file) {
        return base != null && file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
