package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hover cards' links: a finding's card opens its rule's whole doc; a directive's opens nginx.org. */
@ExtendWith(ApplicationExtension.class)
class HoverLinksFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = "http {\n    server {\n        location / {\n"
            + "            proxy_pass https://10.0.4.22:443;\n        }\n    }\n}\n";

    private ConfigEditor editor;

    @Start
    void start(Stage stage) {
        editor = new ConfigEditor(Linter.standard());
        Scene scene = new Scene((javafx.scene.Parent) editor.node(), 900, 500);
        scene.getStylesheets().add(getClass().getResource("/ui/handshake.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        editor.load(Path.of("links.conf").toAbsolutePath(), SourceText.of(CONFIG));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            editor.dispose();
            for (Window window : new ArrayList<>(Window.getWindows())) {
                if (window instanceof Stage stage && stage.getTitle() != null && stage.getTitle().startsWith("Rule ")) {
                    stage.close();
                }
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static void until(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        assertTrue(condition.call(), what);
    }

    private Point2D onScreen(FxRobot robot, String word) {
        CodeArea area = robot.lookup(".config-editor").queryAs(CodeArea.class);
        int at = CONFIG.indexOf(word) + 2;
        Bounds[] found = new Bounds[1];
        robot.interact(() -> found[0] = area.getCharacterBoundsOnScreen(at, at + 1).orElseThrow());
        return new Point2D(found[0].getCenterX(), found[0].getCenterY());
    }

    @Test
    void findingCardLinkOpensTheRuleDoc(FxRobot robot) throws Exception {
        until("analysed", () -> editor.analysisProperty().get() != null
                && !editor.analysisProperty().get().diagnostics().isEmpty());
        robot.moveTo(onScreen(robot, "10.0.4.22"));
        until("card", () -> robot.lookup("Rule documentation").tryQuery().isPresent());
        robot.clickOn(robot.lookup("Rule documentation").queryAs(Hyperlink.class));
        until("doc window", () -> robot.lookup("#rule-doc").tryQuery().isPresent());
        TextFlow doc = robot.lookup("#rule-doc").queryAs(TextFlow.class);
        List<Text> pieces = doc.getChildren().stream().map(Text.class::cast).toList();
        String shown = pieces.stream().map(Text::getText).collect(Collectors.joining());
        assertTrue(shown.contains("Why it matters\n"), shown);
        assertTrue(shown.contains("nginx sends no server name in its TLS ClientHello"), shown);
        Text heading = pieces.stream().filter(t -> t.getText().equals("Why it matters\n")).findFirst().orElseThrow();
        assertTrue(heading.getStyleClass().contains(RuleDocWindow.HEADING));
        assertTrue(heading.getFont().getStyle().toLowerCase().contains("bold"), heading.getFont().toString());
        Text code = pieces.stream().filter(t -> t.getText().startsWith("upstream backend_pool {")).findFirst().orElseThrow();
        assertTrue(code.getStyleClass().contains(RuleDocWindow.CODE), "fenced code is monospaced");
        until("card hidden", () -> robot.lookup(".diagnostic-card").tryQuery().isEmpty());
    }

    @Test
    void directiveCardLinkGoesToTheOpener(FxRobot robot) throws Exception {
        List<String> opened = new ArrayList<>();
        robot.interact(() -> editor.onOpenUrl(opened::add));
        until("analysed", () -> editor.analysisProperty().get() != null);
        robot.moveTo(onScreen(robot, "location"));
        until("card", () -> robot.lookup(".card-link").tryQuery().isPresent());
        Hyperlink link = robot.lookup(".card-link").queryAs(Hyperlink.class);
        assertTrue(link.getText().contains("nginx.org/"), link.getText());
        robot.clickOn(link);
        until("opened", () -> opened.size() == 1);
        assertEquals(link.getText(), opened.get(0));
    }

    @Test
    void markdownRendering() {
        List<Text> pieces = RuleDocWindow.render("# Title\n\nSay `x on;` **now**,\n  then.\n- one\n```\ncode {\n```\n");
        List<String> shown = pieces.stream().map(t -> t.getText() + "|" + t.getStyleClass().get(0)).toList();
        assertEquals(List.of("Title\n|doc-heading", "\n|doc-text", "Say |doc-text", "x on;|doc-code", " now, then.|doc-text",
                "\n|doc-text", "- one|doc-text", "\n|doc-text", "code {\n|doc-code", "\n|doc-text"), shown);

        // A code span over a line break (upstream-sni-off's doc has one) stays one span, and the prose after it prose.
        List<String> across = RuleDocWindow.render("with (`set $b x;\nproxy_pass $b;` sends no SNI). An `http://` value\n").stream()
                .map(t -> t.getText() + "|" + t.getStyleClass().get(0)).toList();
        assertEquals(List.of("with (|doc-text", "set $b x; proxy_pass $b;|doc-code", " sends no SNI). An |doc-text",
                "http://|doc-code", " value|doc-text", "\n|doc-text", "\n|doc-text"), across);
    }
}
