package dev.handshake.ui.editor;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.EventPattern.keyTyped;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.handshake.syntax.Token;
import dev.handshake.syntax.TokenKind;
import dev.handshake.text.Indentation;
import dev.handshake.text.TextRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The keys that make the area a code editor: auto-indent on Enter and {@code }}, Tab as spaces,
 * comment toggling, and highlighting of the brace matching the one at the caret.
 */
final class EditingKeys {

    static final String BRACKET_MATCH = "bracket-match";

    private final CodeArea area;
    private final Supplier<Analysis> upToDate;
    private final BiConsumer<TextRange, String> replacer;
    private final List<Integer> marked = new ArrayList<>();

    /**
     * @param upToDate the analysis of exactly the current text, or {@code null} while one is pending
     * @param replacer replaces a range as one undo step
     */
    EditingKeys(CodeArea area, Supplier<Analysis> upToDate, BiConsumer<TextRange, String> replacer) {
        this.area = area;
        this.upToDate = upToDate;
        this.replacer = replacer;
        InputMap<?> keys = sequence(
                consume(keyPressed(KeyCode.ENTER), e -> newLine()),
                consume(keyTyped("}"), e -> closeBrace()),
                consume(keyPressed(KeyCode.TAB), e -> area.replaceSelection(indentUnit())));
        Nodes.addInputMap(area, keys);
    }

    /**
     * Leaves {@code window} keys to the window's commands: the area neither acts on them nor consumes them
     * (RichTextFX would type a new line for Alt+Enter), so each is bound once, by the window.
     */
    void leaveToWindow(Collection<KeyCombination> window) {
        for (KeyCombination key : window) {
            Nodes.addInputMap(area, InputMap.ignore(keyPressed(key)));
        }
    }

    /**
     * Runs {@code handler} on a right-click (the quick-fix menu of what was clicked on). Its keys (Alt+Enter,
     * Ctrl+.) are the window's, bound once in its action table.
     */
    void onQuickFix(Runnable handler) {
        area.setOnContextMenuRequested(e -> {
            area.moveTo(area.hit(e.getX(), e.getY()).getInsertionIndex());
            handler.run();
            e.consume();
        });
    }

    /** Enter: a new line indented like this one, one level deeper after {@code {}. */
    void newLine() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        int lineStart = lineStart(text, caret);
        String indent = leadingWhitespace(text, lineStart, caret);
        String before = text.substring(lineStart, caret).stripTrailing();
        int lineEnd = lineEnd(text, caret);
        boolean opens = before.endsWith("{");
        boolean closeFollows = text.substring(caret, lineEnd).strip().startsWith("}");
        if (opens && closeFollows) {
            String inner = "\n" + indent + indentUnit();
            area.replaceSelection(inner + "\n" + indent);
            area.moveTo(area.getCaretPosition() - indent.length() - 1);
        } else {
            area.replaceSelection("\n" + indent + (opens ? indentUnit() : ""));
        }
        area.requestFollowCaret();
    }

    /** {@code }} typed on a blank line: the line loses one level of indentation first. */
    void closeBrace() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        int lineStart = lineStart(text, caret);
        String before = text.substring(lineStart, caret);
        if (area.getSelection().getLength() == 0 && !before.isEmpty() && before.isBlank()) {
            String unit = indentUnit();
            String shorter = before.endsWith(unit) ? before.substring(0, before.length() - unit.length())
                    : before.substring(0, before.length() - 1);
            area.replaceText(lineStart, caret, shorter + "}");
        } else {
            area.replaceSelection("}");
        }
    }

    /** Comments out the selected lines, or uncomments them when all already are comments. */
    void toggleComment() {
        String text = area.getText();
        IndexRange selection = area.getSelection();
        int start = lineStart(text, selection.getStart());
        int selectionEnd = selection.getEnd();
        if (selection.getLength() > 0 && selectionEnd > start && text.charAt(selectionEnd - 1) == '\n') {
            selectionEnd--;
        }
        int end = lineEnd(text, Math.max(start, selectionEnd));
        String[] lines = text.substring(start, end).split("\n", -1);
        boolean allCommented = true;
        for (String line : lines) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                allCommented = false;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = line.length() - line.stripLeading().length();
            if (line.isBlank()) {
                out.append(line);
            } else if (allCommented) {
                String rest = line.substring(indent + 1);
                out.append(line, 0, indent).append(rest.startsWith(" ") ? rest.substring(1) : rest);
            } else {
                out.append(line, 0, indent).append("# ").append(line.substring(indent));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        int caret = area.getCaretPosition();
        replacer.accept(new TextRange(start, end), out.toString());
        area.moveTo(Math.min(caret, area.getLength()));
    }

    /** Marks the brace at (or just before) {@code caret} and its partner. */
    void matchBracket(int caret) {
        clearMarks();
        Analysis analysis = upToDate.get();
        if (analysis == null || analysis.text().length() != area.getLength()) {
            return;
        }
        List<Token> tokens = analysis.parse().tree().tokens();
        for (int offset : new int[] {caret, caret - 1}) {
            if (offset < 0 || offset >= analysis.text().length()) {
                continue;
            }
            int index = analysis.parse().tree().tokenIndexAt(offset);
            if (index < 0) {
                continue;
            }
            Token brace = tokens.get(index);
            if (brace.kind() != TokenKind.LBRACE && brace.kind() != TokenKind.RBRACE) {
                continue;
            }
            int partner = partner(tokens, index);
            if (partner >= 0) {
                mark(brace.start());
                mark(tokens.get(partner).start());
            }
            return;
        }
    }

    private static int partner(List<Token> tokens, int index) {
        boolean forward = tokens.get(index).kind() == TokenKind.LBRACE;
        int depth = 0;
        for (int i = index; i >= 0 && i < tokens.size(); i += forward ? 1 : -1) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == TokenKind.LBRACE) {
                depth += forward ? 1 : -1;
            } else if (kind == TokenKind.RBRACE) {
                depth += forward ? -1 : 1;
            }
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private void mark(int offset) {
        List<String> styles = new ArrayList<>(area.getStyleOfChar(offset));
        if (!styles.contains(BRACKET_MATCH)) {
            styles.add(BRACKET_MATCH);
        }
        area.setStyle(offset, offset + 1, styles);
        marked.add(offset);
    }

    private void clearMarks() {
        for (int offset : marked) {
            if (offset < area.getLength()) {
                List<String> styles = new ArrayList<>(area.getStyleOfChar(offset));
                if (styles.remove(BRACKET_MATCH)) {
                    area.setStyle(offset, offset + 1, styles);
                }
            }
        }
        marked.clear();
    }

    /** A tab when the buffer indents with tabs, else four spaces. */
    String indentUnit() {
        return Indentation.unit(area.getText());
    }

    static int lineStart(String text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    static int lineEnd(String text, int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static String leadingWhitespace(String text, int lineStart, int limit) {
        int i = lineStart;
        while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }
}
