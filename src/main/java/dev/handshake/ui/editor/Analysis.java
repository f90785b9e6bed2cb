package dev.handshake.ui.editor;

import dev.handshake.diff.LineEndings;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.nginx.ConfigModel;
import dev.handshake.nginx.IncludingConfigs;
import dev.handshake.nginx.SourceLoader;
import dev.handshake.syntax.ParseResult;
import dev.handshake.syntax.Parser;
import dev.handshake.text.LineIndex;
import dev.handshake.text.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysis of an editor buffer, computed off the FX thread: the parse, the lint over the model
 * built from the buffer (includes resolved from disk relative to the file), the findings in this file,
 * and the style runs with the findings laid over the syntax colours.
 *
 * @param version     the buffer version analysed; results for an older version are dropped
 * @param lint        the whole lint result (also findings in included files), or {@code null} when
 *                    analysis was limited to highlighting
 * @param diagnostics findings whose range lies in this file
 * @param lines       the line index of {@code text}, built off the FX thread
 */
public record Analysis(long version, Path path, String text, ParseResult parse, LintResult lint,
                       List<Diagnostic> diagnostics, List<StyleRun> styles, LineIndex lines) {

    /**
     * Files on disk as the editor shows them: line breaks as {@code \n}, like every buffer
     * (ConfigEditor normalises on load). The whole analysis, included files too, then speaks in editor
     * offsets; original endings come back only when bytes are written ({@code LineEndings.restore}).
     */
    static final SourceLoader EDITOR_VIEW = file -> {
        SourceText disk = SourceLoader.fileSystem().load(file);
        String text = disk.text();
        return text.indexOf('\r') < 0 ? disk : disk.withText(LineEndings.normalize(text));
    };

    /** Lines longer than this stay unstyled (their findings still reach the Problems panel). */
    public static final int LONG_LINE = 3000;

    /** Style class that underlines a finding of {@code severity}. */
    public static String problemStyle(Severity severity) {
        return "problem-" + severity.label();
    }

    /**
     * Analyses {@code source} as the content of {@code path}.
     *
     * @param lintEnabled false for very large buffers: colours only, no rules
     */
    public static Analysis run(long version, Path path, SourceText source, Linter linter, boolean lintEnabled) {
        return run(version, path, source, AnalysisScope.alone(path), linter, lintEnabled);
    }

    /**
     * Analyses {@code source} as the content of {@code path} within {@code scope}: when the scope's root
     * is another file that includes this one, the findings are those this file has in the root's
     * context (what nginx would load); when the root no longer includes it, the file is analysed alone.
     */
    public static Analysis run(long version, Path path, SourceText source, AnalysisScope scope, Linter linter,
                               boolean lintEnabled) {
        String text = source.text();
        Path normal = path.toAbsolutePath().normalize();
        ConfigFile file = new ConfigFile(normal, source);
        ParseResult parse = file.parse();
        List<StyleRun> styles = Highlighter.highlight(parse);
        if (!lintEnabled) {
            return new Analysis(version, normal, text, parse, null, List.of(),
                    StyleRun.plainLongLines(styles, text, LONG_LINE), source.lines());
        }
        Map<Path, SourceText> buffers = new HashMap<>(scope.buffers());
        buffers.put(normal, source);
        SourceLoader loader = SourceLoader.overlay(buffers, EDITOR_VIEW);
        ConfigModel.Options options = ConfigModel.Options.defaults().withLoader(loader);
        ConfigModel model = null;
        if (!scope.root().equals(normal)) {
            model = inContext(scope.root(), normal, options);
        } else if (IncludingConfigs.looksIncluded(parse.tree())) {
            // No open config includes this snippet: the nearest one on disk that does is its context.
            Optional<Path> onDisk = includingOnDisk(normal, options);
            if (onDisk.isPresent()) {
                model = inContext(onDisk.get(), normal, options);
                if (model == null) {
                    ON_DISK.remove(normal); // it no longer includes the file: look again next time
                }
            }
        }
        if (model == null) {
            model = ConfigModel.build(file, options);
        }
        LintResult lint = linter.lint(model);
        List<Diagnostic> here = lint.in(normal);
        // Milder first, so a worse finding on the same characters is laid on top and wins in CSS order.
        List<StyleRun.Mark> marks = new ArrayList<>();
        for (Severity severity : List.of(Severity.INFO, Severity.WARNING, Severity.ERROR)) {
            for (Diagnostic d : here) {
                if (d.severity() == severity) {
                    int[] span = underlineSpan(text, d.range().start(), d.range().end());
                    marks.add(new StyleRun.Mark(span[0], span[1], problemStyle(severity)));
                }
            }
        }
        styles = StyleRun.overlay(styles, marks);
        styles = StyleRun.plainLongLines(styles, text, LONG_LINE);
        return new Analysis(version, normal, text, parse, lint, here, styles, source.lines());
    }

    /**
     * This analysis with {@code extra} findings in this file laid over it (what {@code nginx -t} said),
     * underlined and listed like the rules' until the next analysis replaces them.
     */
    public Analysis with(List<Diagnostic> extra) {
        List<Diagnostic> mine = extra.stream().filter(d -> d.file().equals(path)).toList();
        if (mine.isEmpty()) {
            return this;
        }
        List<StyleRun.Mark> marks = new ArrayList<>();
        for (Diagnostic d : mine) {
            int[] span = underlineSpan(text, d.range().start(), d.range().end());
            marks.add(new StyleRun.Mark(span[0], span[1], problemStyle(d.severity())));
        }
        List<Diagnostic> here = new ArrayList<>(diagnostics);
        here.addAll(mine);
        LintResult all = null;
        if (lint != null) {
            List<Diagnostic> everywhere = new ArrayList<>(lint.diagnostics());
            everywhere.addAll(mine);
            all = new LintResult(lint.model(), everywhere);
        }
        List<StyleRun> laid = StyleRun.plainLongLines(StyleRun.overlay(styles, marks), text, LONG_LINE);
        return new Analysis(version, path, text, parse, all, List.copyOf(here), laid, lines);
    }

    /** The model of {@code root} when it (still) includes {@code file}; otherwise null. */
    /** The including config found on disk for each snippet, and when it was looked for. */
    private record OnDisk(Optional<Path> root, long lookedAtNanos) {
    }

    private static final Map<Path, OnDisk> ON_DISK = new java.util.concurrent.ConcurrentHashMap<>();

    /** A file with no including config is looked for again after this long (one may have been written). */
    private static final long LOOK_AGAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    /** The nearest config on disk that includes {@code file}, remembered so that typing does not search again. */
    static Optional<Path> includingOnDisk(Path file, ConfigModel.Options options) {
        OnDisk known = ON_DISK.get(file);
        long now = System.nanoTime();
        if (known != null && (known.root().isPresent() || now - known.lookedAtNanos() < LOOK_AGAIN_NANOS)) {
            return known.root();
        }
        Optional<Path> root = IncludingConfigs.nearest(file, options);
        ON_DISK.put(file, new OnDisk(root, now));
        return root;
    }

    private static ConfigModel inContext(Path root, Path file, ConfigModel.Options options) {
        try {
            ConfigModel model = ConfigModel.load(root, options);
            return model.file(file).isPresent() ? model : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** A quick parse and colouring only, for the first paint of a freshly opened buffer. */
    public static List<StyleRun> colours(String text) {
        return StyleRun.plainLongLines(Highlighter.highlight(Parser.parse(text)), text, LONG_LINE);
    }

    /**
     * The characters to underline for a finding at {@code [start, end)}: its first line only (a finding
     * on a whole block underlines the block's head), and at least one character so an insertion point
     * or an error at the end of a line stays visible.
     */
    static int[] underlineSpan(String text, int start, int end) {
        int from = Math.min(start, text.length());
        int to = Math.min(end, text.length());
        int lineBreak = from;
        while (lineBreak < to && text.charAt(lineBreak) != '\n' && text.charAt(lineBreak) != '\r') {
            lineBreak++;
        }
        to = lineBreak;
        if (to <= from) {
            if (from < text.length() && text.charAt(from) != '\n' && text.charAt(from) != '\r') {
                to = from + 1;
            } else if (from > 0) {
                from = from - 1;
                to = from + 1;
            }
        }
        return new int[] {from, to};
    }

    /** Findings whose range holds {@code offset} (or touches it at an end), worst first. */
    public List<Diagnostic> at(int offset) {
        return diagnostics.stream()
                .filter(d -> d.range().start() <= offset && offset <= Math.max(d.range().end(), d.range().start() + 1))
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .toList();
    }

    /** 1-based line of {@code offset} in {@code file} (this buffer or a file it includes). */
    public int lineOf(Path file, int offset) {
        if (lint != null && !file.equals(path)) {
            var included = lint.model().file(file);
            if (included.isPresent()) {
                String other = included.get().text();
                return included.get().source().lines().line(Math.min(offset, other.length()));
            }
        }
        return lines.line(Math.min(offset, text.length()));
    }
}
