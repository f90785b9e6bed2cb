package dev.handshake.ui.editor;

import dev.handshake.report.RuleDocs;
import dev.handshake.ui.theme.Themes;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A read-only window with a rule's whole documentation ({@code /rules/<id>.md}), rendered minimally:
 * headings bold, fenced code blocks and inline {@code `code`} monospaced, everything else as written.
 */
public final class RuleDocWindow {

    /** Style classes of the rendered pieces. */
    static final String HEADING = "doc-heading";
    static final String CODE = "doc-code";
    static final String PROSE = "doc-text";

    private RuleDocWindow() {
    }

    /** Opens the documentation of rule {@code id} beside {@code owner}; null when the rule has none. */
    public static Stage show(Window owner, String id) {
        String markdown = RuleDocs.markdown(id).orElse(null);
        if (markdown == null) {
            return null;
        }
        TextFlow body = new TextFlow();
        body.getChildren().setAll(render(markdown));
        body.setPadding(new Insets(12));
        body.setId("rule-doc");
        body.getStyleClass().add("rule-doc");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 720, 560);
        Stage stage = new Stage();
        Themes.apply(scroll, owner);
        if (owner != null && owner.getScene() != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Rule " + id + " — Handshake");
        stage.setScene(scene);
        // Escape closes it, like a dialog (without a window manager's title bar there is no other way).
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.show();
        return stage;
    }

    /**
     * The text nodes for {@code markdown}: code lines and headings keep their line breaks; the lines of
     * a prose paragraph are joined with spaces, and a list item starts a new line.
     */
    static List<Text> render(String markdown) {
        List<Text> out = new ArrayList<>();
        boolean inCode = false;
        boolean joined = false;
        // A paragraph is read whole: a `code span` may go on over a line break.
        StringBuilder paragraph = new StringBuilder();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode) {
                out.add(piece(line + "\n", CODE));
            } else if (line.startsWith("#")) {
                out.add(piece(line.replaceFirst("^#+\\s*", "") + "\n", HEADING));
            } else {
                paragraph.append((joined ? line.strip() : line).replace("**", ""));
                joined = !line.isBlank() && i + 1 < lines.length && continuesParagraph(lines[i + 1]);
                if (joined) {
                    paragraph.append(' ');
                } else {
                    inline(out, paragraph.toString());
                    paragraph.setLength(0);
                    out.add(piece("\n", PROSE));
                }
            }
        }
        return out;
    }

    private static boolean continuesParagraph(String next) {
        String trimmed = next.trim();
        return !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("```")
                && !trimmed.matches("([-*]|\\d+\\.)\\s.*");
    }

    /** Prose with {@code `code`} spans monospaced. */
    private static void inline(List<Text> out, String line) {
        String[] parts = line.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.add(piece(parts[i], i % 2 == 1 ? CODE : PROSE));
            }
        }
    }

    private static Text piece(String text, String style) {
        Text node = new Text(text);
        node.getStyleClass().add(style);
        return node;
    }
}
