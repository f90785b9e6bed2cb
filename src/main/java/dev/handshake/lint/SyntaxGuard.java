package dev.handshake.lint;

import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.syntax.Block;
import dev.handshake.syntax.Directive;
import dev.handshake.syntax.SyntaxError;
import dev.handshake.syntax.SyntaxTree;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps fixes out of broken blocks: an edit that lands inside or next to the block (with its
 * directive) that holds a syntax error, or anywhere in a file nginx would read to its end (an unclosed
 * block or quote), is not applied, since where it lands cannot be trusted. {@code fix} and the editor's
 * Fix / Fix all share this decision and its wording. One guard answers for one model.
 */
public final class SyntaxGuard {

    /** A stretch of a file that fixes keep out of, and the error that damaged it. */
    private record Damage(TextRange range, SyntaxError error) {
    }

    private final ConfigModel model;
    private final Map<Path, List<Damage>> damage = new HashMap<>();

    public SyntaxGuard(ConfigModel model) {
        this.model = model;
    }

    /**
     * Why {@code edits} (a fix of {@code finding}) must not be applied, or empty when they may:
     * "the block has a syntax error at L:C; fix it first".
     */
    public Optional<String> reason(Diagnostic finding, List<FileEdit> edits) {
        for (FileEdit edit : edits) {
            for (Damage hurt : damageIn(edit.file())) {
                if (touches(hurt.range(), edit.edit().range())) {
                    return Optional.of(message(finding, edit.file(), hurt.error()));
                }
            }
        }
        return Optional.empty();
    }

    private String message(Diagnostic finding, Path file, SyntaxError error) {
        LineIndex lines = model.file(file).orElseThrow().source().lines();
        int at = error.range().start();
        String where = lines.line(at) + ":" + lines.column(at);
        if (finding == null || !file.equals(finding.file())) {
            where += " of " + file.getFileName();
        }
        return "the block has a syntax error at " + where + "; fix it first";
    }

    private List<Damage> damageIn(Path file) {
        return damage.computeIfAbsent(file, path -> {
            Optional<ConfigFile> config = model.file(path);
            if (config.isEmpty() || !config.get().parse().hasErrors()) {
                return List.of();
            }
            List<Damage> found = new ArrayList<>();
            for (SyntaxError error : config.get().parse().errors()) {
                found.add(new Damage(damaged(config.get().tree(), error), error));
            }
            return found;
        });
    }

    /**
     * What {@code error} damages: the whole file when nginx would read to the end (an unclosed block or
     * quote) or the braces do not balance (an extra {@code }} at top level); else the innermost block
     * holding the error, with its directive; at top level, the error and the unterminated directive it
     * follows.
     */
    static TextRange damaged(SyntaxTree tree, SyntaxError error) {
        if (error.message().startsWith("unexpected end of file")) {
            return new TextRange(0, tree.text().length());
        }
        int at = error.range().start();
        Block block = tree.root();
        Directive owner = null;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (Directive d : block.directives()) {
                if (d.hasBlock() && d.block().range().start() <= at && at < d.block().range().end()) {
                    owner = d;
                    block = d.block();
                    deeper = true;
                    break;
                }
            }
        }
        if (owner != null) {
            return owner.range().union(error.range());
        }
        if (error.message().equals("unexpected \"}\"")) {
            // An extra brace at top level: some block above closed early, and which one is unknown.
            return new TextRange(0, tree.text().length());
        }
        TextRange range = error.range();
        for (Directive d : block.directives()) {
            if (d.range().start() < at && !d.isTerminated()) {
                range = range.union(d.range());
            }
        }
        return range;
    }

    /** Overlapping or abutting: an insertion right at a block's edge is next to it. */
    private static boolean touches(TextRange a, TextRange b) {
        return a.start() <= b.end() && b.start() <= a.end();
    }
}
