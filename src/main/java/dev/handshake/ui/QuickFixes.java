package dev.handshake.ui;

import dev.handshake.lint.Applicability;
import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.FileEdit;
import dev.handshake.lint.Fix;
import dev.handshake.lint.FixApplier;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.SyntaxGuard;
import dev.handshake.text.TextEdit;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * Quick fixes at the caret (Alt+Enter, Ctrl+.): a menu of the fixes of the findings there, the
 * preferred one first. A safe fix applies at once; one that needs input (or may change behaviour)
 * opens a dialog with the diff first. Every fix, and "Fix all safe problems", is one undo step.
 */
final class QuickFixes {

    private final ConfigEditor editor;
    private final Window owner;
    private final Consumer<String> status;
    private final Function<Path, Optional<ConfigEditor>> editorOf;
    private ContextMenu menu;

    /**
     * @param editorOf the editor of another file a fix also changes: its open tab, or a new tab opened
     *                 for it (the current tab stays selected); empty when the file cannot be opened
     */
    QuickFixes(ConfigEditor editor, Window owner, Consumer<String> status,
               Function<Path, Optional<ConfigEditor>> editorOf) {
        this.editor = editor;
        this.owner = owner;
        this.status = status;
        this.editorOf = editorOf;
    }

    /** The findings the caret is on; when none, those on the caret's line. */
    List<Diagnostic> findingsAtCaret(Analysis analysis) {
        int caret = editor.caretProperty().get();
        List<Diagnostic> here = analysis.at(caret);
        if (!here.isEmpty()) {
            return here;
        }
        int line = analysis.lineOf(analysis.path(), caret);
        return analysis.diagnostics().stream()
                .filter(d -> analysis.lineOf(analysis.path(), d.range().start()) == line).toList();
    }

    /** Opens the quick-fix menu at the caret. */
    void showAtCaret() {
        editor.withCurrentAnalysis(this::showAtCaret);
    }

    private void showAtCaret(Analysis analysis) {
        List<MenuItem> items = new ArrayList<>();
        for (Diagnostic d : findingsAtCaret(analysis)) {
            if (!items.isEmpty() && !d.fixes().isEmpty()) {
                items.add(new SeparatorMenuItem());
            }
            boolean preferred = true;
            for (Fix fix : d.fixes()) {
                MenuItem item = new MenuItem(label(fix));
                item.setMnemonicParsing(false);
                item.getStyleClass().add(preferred ? "preferred-fix" : "other-fix");
                item.setOnAction(e -> apply(analysis, d, fix));
                items.add(item);
                preferred = false;
            }
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No quick fixes here");
            none.setDisable(true);
            items.add(none);
        }
        if (menu != null) {
            menu.hide();
        }
        menu = new ContextMenu();
        menu.setId("quick-fix-menu");
        menu.getItems().setAll(items);
        keyboardFirst(menu, items.stream().filter(i -> !i.isDisable() && !(i instanceof SeparatorMenuItem)).toList());
        Optional<Bounds> caret = editor.caretBounds();
        double x = caret.map(Bounds::getMinX).orElse(owner.getX() + 100);
        double y = caret.map(Bounds::getMaxY).orElse(owner.getY() + 100);
        menu.show(editor.node(), x, y);
    }

    /**
     * Keyboard first: the preferred fix is focused when the menu opens, Up/Down move, Enter or Space
     * applies. Done here rather than left to the skin, whose focus tracking ignores a focus set in code.
     */
    private static void keyboardFirst(ContextMenu menu, List<MenuItem> actionable) {
        int[] focused = {0};
        menu.setOnShown(e -> focus(menu, focused[0]));
        menu.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (actionable.isEmpty()) {
                return;
            }
            switch (e.getCode()) {
                case DOWN -> focused[0] = Math.min(focused[0] + 1, actionable.size() - 1);
                case UP -> focused[0] = Math.max(focused[0] - 1, 0);
                case ENTER, SPACE -> {
                    menu.hide();
                    actionable.get(focused[0]).fire();
                    e.consume();
                    return;
                }
                default -> {
                    return;
                }
            }
            focus(menu, focused[0]);
            e.consume();
        });
    }

    private static void focus(ContextMenu menu, int index) {
        if (menu.getSkin() == null) {
            return;
        }
        List<Node> containers = menu.getSkin().getNode().lookupAll(".menu-item").stream()
                .filter(n -> n.getStyleClass().contains("preferred-fix") || n.getStyleClass().contains("other-fix"))
                .toList();
        if (index < containers.size()) {
            containers.get(index).requestFocus();
        }
    }

    private static String label(Fix fix) {
        return plain(fix.title()) + switch (fix.applicability()) {
            case SAFE -> "";
            case NEEDS_INPUT -> "…";
            case UNSAFE -> " (review)…";
        };
    }

    /** A fix title without its Markdown code marks. */
    static String plain(String title) {
        // "add `a on;`, `b NAME;` and `c;`" reads as "add a on, b NAME and c" in a menu.
        return title.replaceAll("`([^`]*?);?`", "$1").replace("`", "");
    }

    /**
     * Applies {@code fix} of {@code finding}, offered from {@code offeredFor}: at once when safe, else after
     * the dialog. A fix holds offsets of the text it was computed for: when the buffer changed since (a
     * reload, a fix from another tab, typing while the dialog was open), it is refused, never shifted
     * onto the newer text, and the user is told to ask again.
     */
    void apply(Analysis offeredFor, Diagnostic finding, Fix fix) {
        if (stale(offeredFor) || keptOut(offeredFor, finding, fix.edits())) {
            return;
        }
        if (fix.applicability() == Applicability.SAFE) {
            applyEdits(offeredFor, fix.title(), fix.edits());
            return;
        }
        FixInputDialog dialog = new FixInputDialog(owner, editor.text(), editor.pathProperty().get(), finding, fix);
        dialog.showAndWait().ifPresent(values -> applyEdits(offeredFor, fix.title(), fix.edits(values)));
    }

    /**
     * True, and says so on the status line, when the buffer is no longer the text {@code analysis} was
     * computed for; a new analysis is asked for.
     */
    private boolean stale(Analysis analysis) {
        if (analysis.version() == editor.version()) {
            return false;
        }
        status.accept("Not applied: the text changed since this fix was offered; ask for the fixes again");
        editor.reanalyse();
        return true;
    }

    /** True, and says why on the status line, when the syntax guard keeps {@code edits} out of a broken block. */
    private boolean keptOut(Analysis analysis, Diagnostic finding, List<FileEdit> edits) {
        if (analysis.lint() == null) {
            return false;
        }
        Optional<String> why = new SyntaxGuard(analysis.lint().model()).reason(finding, edits);
        why.ifPresent(reason -> status.accept("Not applied: " + reason));
        return why.isPresent();
    }

    private void applyEdits(Analysis offeredFor, String title, List<FileEdit> edits) {
        if (stale(offeredFor)) {
            return;
        }
        Path here = editor.pathProperty().get();
        Map<Path, List<TextEdit>> byFile = new LinkedHashMap<>();
        for (FileEdit edit : edits) {
            byFile.computeIfAbsent(edit.file(), f -> new ArrayList<>()).add(edit.edit());
        }
        Optional<Map<Path, ConfigEditor>> others = otherEditors(offeredFor, byFile.keySet());
        if (others.isEmpty()) {
            return;
        }
        others.get().forEach((file, other) -> other.applyEdits(byFile.get(file)));
        editor.applyEdits(byFile.getOrDefault(here, List.of()));
        int count = others.get().size();
        status.accept("Applied: " + plain(title) + (count > 0 ? " (also in " + count + " other file"
                + (count == 1 ? "" : "s") + ", each with its own undo step)" : ""));
    }

    /** The editors of every file in {@code files} but this one, all as {@code analysis} read them, or empty (nothing applied). */
    private Optional<Map<Path, ConfigEditor>> otherEditors(Analysis analysis, Collection<Path> files) {
        Map<Path, ConfigEditor> others = new LinkedHashMap<>();
        for (Path file : files) {
            if (file.equals(editor.pathProperty().get())) {
                continue;
            }
            Optional<ConfigEditor> other = editorAsAnalysed(analysis, file);
            if (other.isEmpty()) {
                return Optional.empty();
            }
            others.put(file, other.get());
        }
        return Optional.of(others);
    }

    /**
     * The editor of {@code file} when its text is still what {@code analysis} read; otherwise says why
     * the fix is not applied and returns empty.
     */
    private Optional<ConfigEditor> editorAsAnalysed(Analysis analysis, Path file) {
        Optional<String> analysed = analysis.lint() == null ? Optional.empty()
                : analysis.lint().model().file(file).map(f -> f.text());
        Optional<ConfigEditor> other = editorOf.apply(file);
        if (other.isEmpty() || analysed.isEmpty()) {
            status.accept("Not applied: cannot open " + file.getFileName() + ", which the fix also changes");
            return Optional.empty();
        }
        if (!other.get().text().equals(analysed.get())) {
            status.accept("Not applied: " + file.getFileName() + " changed since the analysis; try again");
            other.get().reanalyse();
            return Optional.empty();
        }
        return other;
    }

    static List<TextEdit> editsFor(Path file, List<FileEdit> edits) {
        return edits.stream().filter(e -> e.file().equals(file)).map(FileEdit::edit).toList();
    }

    /** Applies every safe fix in this file until nothing more applies, as one undo step. */
    void fixAllSafe() {
        editor.withCurrentAnalysis(this::fixAllSafe);
    }

    private void fixAllSafe(Analysis analysis) {
        if (stale(analysis)) {
            return;
        }
        LintResult lint = analysis.lint();
        if (lint == null) {
            status.accept("Fix all is off for very large files");
            return;
        }
        FixApplier.Outcome outcome = FixApplier.fixUntilStable(lint.model(), editor.linter(),
                FixApplier.standardPolicy(Set.of(), Map.of()));
        String kept = outcome.skipped().isEmpty() ? "" : "; " + outcome.skipped().size() + " not applied: "
                + outcome.skipped().get(0).reason();
        if (outcome.changed().isEmpty()) {
            status.accept(kept.isEmpty() ? "No safe fixes to apply in this file" : "No safe fixes applied" + kept);
            return;
        }
        Optional<Map<Path, ConfigEditor>> others = otherEditors(analysis, outcome.changed().keySet());
        if (others.isEmpty()) {
            return;
        }
        others.get().forEach((file, other) -> other.replaceAll(outcome.changed().get(file)));
        String fixed = outcome.changed().get(analysis.path());
        if (fixed != null) {
            editor.replaceAll(fixed);
        }
        int count = others.get().size();
        status.accept("Applied " + outcome.fixesApplied() + " safe fix" + (outcome.fixesApplied() == 1 ? "" : "es")
                + (count > 0 ? ", changing " + count + " other file" + (count == 1 ? "" : "s")
                + " too (open in their tabs, unsaved: File > Save All reviews them together)" : "") + kept);
    }
}
