package dev.handshake.ui.editor;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Linter;
import dev.handshake.diff.LineEndings;
import dev.handshake.text.SourceText;
import dev.handshake.text.TextEdit;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.EventStreams;
import org.reactfx.Subscription;

/**
 * The nginx config editor. Wraps (never exposes) a RichTextFX {@link CodeArea}: line numbers, current
 * line highlight, syntax colours and live findings computed on a background thread after each pause
 * in typing ({@link AnalysisLoop}: stale results dropped), undo as the source of the modified flag,
 * and the editing keys.
 * Other components read its state through read-only properties and change the text only through
 * its methods, each of which is one undo step.
 */
public final class ConfigEditor {

    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final int QUICK_COLOURS = 200_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private final BorderPane root = new BorderPane(scroll);
    /** The editor's own analysis thread, or {@code null} when the analyses run on an executor given to it. */
    private final ExecutorService ownAnalyser;
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyIntegerWrapper caret = new ReadOnlyIntegerWrapper(this, "caret", 0);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified", false);
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final DiagnosticsOverlay overlay;
    private final EditingKeys keys;
    private final FindBar findBar;
    private final Subscription subscriptions;
    private SourceText template = SourceText.of("");
    private volatile Linter linter;
    private long lastApplyNanos;
    private long lastApplyCpuNanos;
    private final StylePainter painter = new StylePainter(area);
    private final AnalysisLoop<ShownAnalysis> loop;
    private final CompletionPopup completion;
    private Function<Path, AnalysisScope> scopes = AnalysisScope::alone;
    private Runnable onEdited = () -> { };
    private List<Diagnostic> external = List.of();
    private long externalVersion = -1;

    public ConfigEditor(Linter linter) {
        this(linter, null);
    }

    /**
     * An editor whose background analyses run on {@code analyser} (one task at a time, in order), so a
     * test decides when each analysis runs; {@code null}: the editor's own analysis thread.
     */
    public ConfigEditor(Linter linter, Executor analyser) {
        this.linter = linter;
        ownAnalyser = analyser != null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "handshake-analysis");
            thread.setDaemon(true);
            return thread;
        });
        loop = new AnalysisLoop<>(this::prepare, shown -> shown.analysis().version(), this::apply,
                analyser != null ? analyser : ownAnalyser, Platform::runLater);
        area.getStyleClass().add("config-editor");
        area.setLineHighlighterOn(true);
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        overlay = new DiagnosticsOverlay(area);
        keys = new EditingKeys(area, this::latestIfCurrent, this::replaceRange);
        completion = new CompletionPopup(area, this::completionsAtCaret, this::replaceRange, this::caretBounds,
                then -> withCurrentAnalysis(current -> then.run()));
        findBar = new FindBar(area, this::replaceRange);
        root.setTop(findBar.node());
        root.getStyleClass().add("editor-pane");
        caret.bind(area.caretPositionProperty());
        Subscription changes = area.plainTextChanges().subscribe(change -> {
            loop.edited();
            painter.edited(change.getPosition(), change.getRemoved().length(), change.getInserted().length());
        });
        Subscription pauses = area.multiPlainChanges().successionEnds(PAUSE).subscribe(ignored -> {
            schedule();
            onEdited.run();
        });
        Subscription moves = EventStreams.valuesOf(area.caretPositionProperty()).subscribe(offset -> keys.matchBracket(offset));
        subscriptions = changes.and(pauses).and(moves);
        modified.bind(Bindings.not(area.getUndoManager().atMarkedPositionProperty()));
    }

    /**
     * Where this buffer's analysis starts from and which other buffers it sees, asked on the FX thread
     * before each analysis (an included file is analysed in the context of the open config including it).
     */
    public void useScopes(Function<Path, AnalysisScope> scopeOf) {
        scopes = scopeOf;
        schedule();
    }

    /** Runs {@code listener} after each pause in typing (other buffers that depend on this one re-analyse). */
    public void onEdited(Runnable listener) {
        onEdited = listener;
    }

    /** Analyses again in the background: a file this buffer depends on changed. */
    public void reanalyse() {
        schedule();
    }

    /** Opens web addresses shown in hover cards (nginx.org links). */
    public void onOpenUrl(Consumer<String> opener) {
        overlay.onOpenUrl(opener);
    }

    /** The node to put in a scene. */
    public Node node() {
        return root;
    }

    /** Replaces the whole buffer with a file's content; the history starts afresh and is unmodified. */
    public void load(Path file, SourceText source) {
        template = source;
        path.set(file == null ? null : file.toAbsolutePath().normalize());
        String normalised = LineEndings.normalize(source.text());
        // The text arrives as one document already unstyled: no second pass over every paragraph to clear
        // the styles the previous text left.
        area.replace(0, area.getLength(), org.fxmisc.richtext.model.ReadOnlyStyledDocument.fromString(normalised,
                area.getInitialParagraphStyle(), area.getInitialTextStyle(), area.getSegOps()));
        // A small file gets its colours at once; a large one stays plain until the background pass.
        if (normalised.length() <= QUICK_COLOURS) {
            painter.paintAll(normalised, Analysis.colours(normalised));
        } else {
            painter.paintedPlain(normalised);
        }
        area.getUndoManager().forgetHistory();
        area.getUndoManager().mark();
        area.moveTo(0);
        area.requestFollowCaret();
        schedule();
    }

    /** The file this buffer belongs to, or {@code null} for an unsaved example. */
    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** After Save As: the buffer now belongs to {@code file}. Re-analyses, since includes resolve from it. */
    public void moveTo(Path file, SourceText writtenAs) {
        path.set(file.toAbsolutePath().normalize());
        template = writtenAs;
        schedule();
    }

    /** The buffer as a source text that remembers the opened file's encoding, BOM and line ending. */
    public SourceText source() {
        return template.withText(area.getText());
    }

    /** The encoding and line style the buffer was opened with. */
    public SourceText opened() {
        return template;
    }

    public String text() {
        return area.getText();
    }

    /** Characters in the buffer, without copying its text. */
    public int length() {
        return area.getLength();
    }

    /** The latest analysis applied (may lag the text by one pause in typing). */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty caretProperty() {
        return caret.getReadOnlyProperty();
    }

    /** True when the text differs from what was last loaded or saved (derived from the undo position). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** 1-based line of the caret. */
    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }

    /** 1-based column of the caret. */
    public int caretColumn() {
        return area.getCaretColumn() + 1;
    }

    /** Records the current text as saved: the modified flag clears until the next change. */
    public void markSaved() {
        area.getUndoManager().mark();
    }

    public void setLinter(Linter newLinter) {
        linter = newLinter;
        schedule();
    }

    public Linter linter() {
        return linter;
    }

    /** An analysis of exactly the current text: the latest one, or a fresh one computed now. */
    public Analysis currentAnalysis() {
        Analysis latest = latestIfCurrent();
        return latest != null ? latest : analyzeNow();
    }

    /**
     * Runs {@code then} on the FX thread with an analysis of exactly the current text: at once when the
     * latest one is current, else as soon as a background analysis (started now, without the typing
     * pause) has caught up. The FX thread never waits for the analysis of a large file.
     */
    public void withCurrentAnalysis(Consumer<Analysis> then) {
        loop.withCurrent(shown -> then.accept(shown.analysis()));
    }

    private Analysis latestIfCurrent() {
        ShownAnalysis latest = loop.latestIfCurrent();
        return latest != null ? latest.analysis() : null;
    }

    private Analysis analyzeNow() {
        Path file = analysedPath();
        Analysis fresh = Analysis.run(loop.version(), file, source(), scopes.apply(file), linter, ShownAnalysis.lintable(area.getLength()))
                .with(external());
        loop.accept(ShownAnalysis.now(fresh));
        return fresh;
    }

    private void schedule() {
        loop.submit();
    }

    /**
     * Captures, on the FX thread and without copying the text (the area's document is immutable), what
     * one background analysis needs; the text is read and analysed in the background.
     */
    private java.util.function.LongFunction<ShownAnalysis> prepare() {
        var document = area.getContent().snapshot();
        SourceText opened = template;
        Path file = analysedPath();
        AnalysisScope scope = scopes.apply(file);
        Linter rules = linter;
        Restyle.Painted painted = painter.painted();
        List<Diagnostic> laid = external();
        return wanted -> {
            ShownAnalysis computed = ShownAnalysis.compute(wanted, document::getText, opened, file, scope, rules, painted);
            if (laid.isEmpty()) {
                return computed;
            }
            Analysis with = computed.analysis().with(laid);
            return new ShownAnalysis(with, painted == null ? null : Restyle.between(painted, with.styles(), with.text().length()),
                    DiagnosticsOverlay.Marks.of(with));
        };
    }

    /** Where includes resolve from: the file, or the working directory for an unsaved buffer. */
    private Path analysedPath() {
        Path file = path.get();
        return file != null ? file : Path.of("untitled.conf").toAbsolutePath();
    }

    private void apply(ShownAnalysis shown) {
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        Analysis result = shown.analysis();
        if (result.text().length() == area.getLength()) {
            painter.paintChanges(result.text(), result.styles(), shown.restyle());
        }
        analysis.set(result);
        overlay.show(result, shown.marks());
        keys.matchBracket(area.getCaretPosition());
        lastApplyNanos = System.nanoTime() - started;
        lastApplyCpuNanos = CPU.getCurrentThreadCpuTime() - cpuStarted;
    }

    /**
     * Lays {@code extra} findings of this file (what {@code nginx -t} said of the current text) over
     * every analysis of the current text, the one shown and any still running; the next edit drops them.
     */
    public void showAlso(List<Diagnostic> extra) {
        external = List.copyOf(extra);
        externalVersion = loop.version();
        withCurrentAnalysis(current -> {
            if (current.version() == externalVersion && !current.diagnostics().containsAll(external)) {
                Analysis shown = current.with(external);
                loop.accept(new ShownAnalysis(shown, Restyle.between(painter.painted(), shown.styles(), shown.text().length()),
                        DiagnosticsOverlay.Marks.of(shown)));
            }
        });
    }

    /** The version of the text now: it changes with every edit. */
    public long version() {
        return loop.version();
    }

    /** The findings {@link #showAlso} laid over the current text, or none once it was edited. */
    private List<Diagnostic> external() {
        return externalVersion == loop.version() ? external : List.of();
    }

    /** FX-thread time the last analysis took to show (styles, gutter, properties), for the latency probe. */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** FX-thread CPU time the last analysis took to show (what a busy machine's waiting leaves out). */
    public long lastApplyCpuNanos() {
        return lastApplyCpuNanos;
    }

    /** Replaces {@code range} with {@code replacement} as one undo step. */
    public void replaceRange(TextRange range, String replacement) {
        if (area.getText(range.start(), range.end()).equals(replacement)) {
            // Replacing text by itself changes nothing, yet the area would reset its colours to the
            // neighbour's without a text change, so no analysis would repaint them.
            return;
        }
        area.getUndoManager().preventMerge();
        area.replaceText(range.start(), range.end(), replacement);
        area.getUndoManager().preventMerge();
    }

    /**
     * Applies edits that refer to offsets of the current text as ONE change (one undo step): the span
     * from the first edit's start to the last edit's end is replaced once.
     */
    public void applyEdits(List<TextEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        List<TextEdit> sorted = TextEdit.sorted(edits);
        int start = sorted.get(0).range().start();
        int end = sorted.stream().mapToInt(e -> e.range().end()).max().orElse(start);
        String current = area.getText();
        List<TextEdit> shifted = sorted.stream()
                .map(e -> new TextEdit(new TextRange(e.range().start() - start, e.range().end() - start), e.newText()))
                .toList();
        String replacement = TextEdit.apply(current.substring(start, end), shifted);
        replaceRange(new TextRange(start, end), replacement);
        area.moveTo(Math.min(start + replacement.length(), area.getLength()));
    }

    /** Replaces the whole text with {@code newText} as one undo step, touching only the part that differs. */
    public void replaceAll(String newText) {
        String current = area.getText();
        int prefix = StylePainter.commonPrefix(current, newText);
        int suffix = StylePainter.commonSuffix(current, newText, prefix);
        if (prefix == current.length() && prefix == newText.length()) {
            return;
        }
        replaceRange(new TextRange(prefix, current.length() - suffix),
                newText.substring(prefix, newText.length() - suffix));
    }

    /** Puts the caret at {@code offset} and scrolls it into view. */
    public void moveCaret(int offset) {
        area.moveTo(Math.max(0, Math.min(offset, area.getLength())));
        reveal();
    }

    /** Selects {@code range} and scrolls it into view. */
    public void select(TextRange range) {
        int end = Math.min(range.end(), area.getLength());
        area.selectRange(Math.min(range.start(), end), end);
        reveal();
    }

    /** Scrolls the caret's line to the middle unless it is already well inside the view. */
    private void reveal() {
        int paragraph = area.getCurrentParagraph();
        try {
            int first = area.firstVisibleParToAllParIndex();
            int last = area.lastVisibleParToAllParIndex();
            if (paragraph <= first + 1 || paragraph >= last - 1) {
                area.showParagraphAtCenter(paragraph);
            }
        } catch (IllegalStateException | IndexOutOfBoundsException notLaidOut) {
            area.showParagraphAtCenter(paragraph);
        }
        area.requestFocus();
    }

    /** Moves the caret to the start of 1-based {@code line} (clamped). */
    public void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.showParagraphAtCenter(paragraph);
        area.requestFocus();
    }

    public int lineCount() {
        return area.getParagraphs().size();
    }

    public void undo() {
        area.undo();
    }

    public void redo() {
        area.redo();
    }

    public void toggleComment() {
        keys.toggleComment();
    }

    /**
     * Code > Format Document: re-indents and normalises spacing as one undo step ({@link
     * dev.handshake.syntax.Formatter}); returns why not when the text has syntax errors, else empty.
     */
    public Optional<String> formatDocument() {
        String text = area.getText();
        Optional<String> formatted = dev.handshake.syntax.Formatter.format(dev.handshake.syntax.Parser.parse(text));
        if (formatted.isEmpty()) {
            return Optional.of("Not formatted: fix the syntax errors first");
        }
        if (!formatted.get().equals(text)) {
            replaceAll(formatted.get());
        }
        return Optional.empty();
    }

    /**
     * Code > Format Selection: formats only the lines of the statements the selection (or the caret's line)
     * touches ({@link dev.handshake.syntax.Formatter#formatLines}) as one undo step, and selects those lines.
     */
    public Optional<String> formatSelection() {
        String text = area.getText();
        TextRange selected = new TextRange(area.getSelection().getStart(), area.getSelection().getEnd());
        Optional<String> formatted = dev.handshake.syntax.Formatter.formatLines(dev.handshake.syntax.Parser.parse(text), selected);
        if (formatted.isEmpty()) {
            return Optional.of("Not formatted: fix the syntax errors first");
        }
        dev.handshake.text.LineIndex before = new dev.handshake.text.LineIndex(text);
        int first = before.line(selected.start());
        int last = before.line(selected.end() > selected.start() && text.charAt(selected.end() - 1) == '\n'
                ? selected.end() - 1 : selected.end());
        replaceAll(formatted.get());
        // Formatting keeps every line break, so the same lines are the formatted ones.
        String now = area.getText();
        dev.handshake.text.LineIndex after = new dev.handshake.text.LineIndex(now);
        select(new TextRange(after.lineStart(first), after.lineEnd(last, now)));
        return Optional.empty();
    }

    /**
     * Ctrl+Space: the completions at the caret in a list; choosing one inserts it as one undo step. The list
     * also opens by itself while a directive name is typed ({@link CompletionPopup}).
     */
    public void showCompletion() {
        completion.show();
    }

    /** Whether the completion list is open. */
    public boolean completionShowing() {
        return completion.isShowing();
    }

    /** What Ctrl+Space would offer at the caret now. */
    public List<Completion.Candidate> completionsAtCaret() {
        String text = area.getText();
        Analysis latest = analysis.get();
        Analysis current = latestIfCurrent();
        // The latest parse when it is of this text; a fresh one otherwise (a pause in typing brings one soon).
        dev.handshake.syntax.SyntaxTree tree = current != null ? current.parse().tree()
                : dev.handshake.syntax.Parser.parse(text).tree();
        Path file = path.get();
        Path folder = file != null ? file.getParent() : null;
        if (latest != null && latest.lint() != null) {
            Path main = latest.lint().model().main().path();
            folder = main.getParent();
        }
        return Completion.at(text, tree, area.getCaretPosition(),
                dev.handshake.nginx.DirectiveCatalogue.standard().withExtraNames(linter.options().extraDirectives()), folder,
                linter.options().target());
    }

    /** Runs {@code handler} on a right-click in the text and on the gutter lightbulb (the quick-fix menu). */
    public void setQuickFixHandler(Runnable handler) {
        keys.onQuickFix(handler);
        overlay.onFixes(offset -> {
            area.moveTo(offset);
            handler.run();
        });
    }

    /**
     * Leaves {@code keys} to the window's commands (Alt+Enter, Ctrl+/, …): the text area neither acts on
     * nor consumes them, so the window's binding is the only one.
     */
    public void leaveToWindow(java.util.Collection<javafx.scene.input.KeyCombination> keys) {
        this.keys.leaveToWindow(keys);
    }

    /** Opens the find bar; with {@code replace}, the replace field too. */
    public void showFind(boolean replace) {
        findBar.show(replace, area.getSelectedText());
    }

    /** The style classes of the character at {@code offset}: what the user sees (colours, underlines). */
    public List<String> styleClassesAt(int offset) {
        return List.copyOf(area.getStyleOfChar(Math.max(0, Math.min(offset, area.getLength() - 1))));
    }

    /** Screen bounds of the caret, for popups at the caret. */
    public Optional<Bounds> caretBounds() {
        int caretAt = area.getCaretPosition();
        Optional<Bounds> character = caretAt < area.getLength()
                ? area.getCharacterBoundsOnScreen(caretAt, caretAt + 1) : Optional.empty();
        // The caret's own bounds are empty while it blinks off; the character under it is always there.
        return character.isPresent() ? character : area.getCaretBounds();
    }

    /** The text's font size in pixels. */
    public void setFontSize(int pixels) {
        area.setStyle("-fx-font-size: " + pixels + "px;");
    }

    public void requestFocus() {
        area.requestFocus();
    }

    /** Stops analysis and releases listeners; the editor is unusable afterwards. */
    public void dispose() {
        loop.stop();
        subscriptions.unsubscribe();
        overlay.dispose();
        findBar.dispose();
        completion.dispose();
        if (ownAnalyser != null) {
            ownAnalyser.shutdownNow();
        }
        caret.unbind();
        modified.unbind();
        area.getUndoManager().close();
    }
}
