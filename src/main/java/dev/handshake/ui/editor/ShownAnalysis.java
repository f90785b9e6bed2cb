package dev.handshake.ui.editor;

import dev.handshake.io.SourceFiles;
import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One analysis with what showing it needs, all computed off the FX thread: the analysis, the spans to
 * repaint against what was painted when it was asked for, and the gutter marks. Needs no JavaFX.
 *
 * @param restyle {@code null} when nothing was painted yet (the painter then paints everything)
 */
record ShownAnalysis(Analysis analysis, Restyle restyle, DiagnosticsOverlay.Marks marks) {

    /** An analysis computed on the FX thread (no background repaint plan). */
    static ShownAnalysis now(Analysis analysis) {
        return new ShownAnalysis(analysis, null, DiagnosticsOverlay.Marks.of(analysis));
    }

    /** True when a buffer of {@code length} characters gets the rules (a larger one gets colours only). */
    static boolean lintable(int length) {
        return length <= SourceFiles.LARGE_BYTES;
    }

    /**
     * The background work of one analysis: reads {@code text} (a snapshot, read here rather than on
     * the FX thread), analyses it as {@code file} within {@code scope}, and plans the repaint.
     */
    static ShownAnalysis compute(long version, Supplier<String> text, SourceText opened, Path file,
                                 AnalysisScope scope, Linter linter, Restyle.Painted painted) {
        SourceText snapshot = opened.withText(text.get());
        Analysis result;
        try {
            result = Analysis.run(version, file, snapshot, scope, linter, lintable(snapshot.text().length()));
        } catch (RuntimeException bug) {
            // A failing rule must not leave the editor without colours: show them, without findings.
            result = Analysis.run(version, file, snapshot, linter, false);
        }
        if (result.lint() != null) {
            IncludeOutline.of(result.lint().model()); // kept with the model: the window only compares it
        }
        Restyle restyle = painted == null ? null : Restyle.between(painted, result.styles(), result.text().length());
        return new ShownAnalysis(result, restyle, DiagnosticsOverlay.Marks.of(result));
    }
}
