package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static dev.handshake.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor asks one SNI name per target (issue 9): a Send SNI fix that covers two upstream groups has
 * one field for each, Apply stays off until both have a name, and each location gets its own.
 */
@ExtendWith(ApplicationExtension.class)
class FixInputPerTargetFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    /** One written {@code off} covers two groups: one fix, two targets (as FixSniNamePerTargetTest). */
    private static final String HARBOR = String.join("\n",
            "http {",
            "    upstream core { server 10.0.0.1:443; }",
            "    upstream portal { server 10.0.0.2:443; }",
            "    server {",
            "        proxy_ssl_server_name off;",
            "        location /api/ {",
            "            proxy_pass https://core;",
            "        }",
            "        location / {",
            "            proxy_pass https://portal;",
            "        }",
            "    }",
            "}",
            "");

    @TempDir
    Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("harbor.conf");
        Files.writeString(file, HARBOR);
        window = TestWindows.open(stage, Linter.standard(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> field(FxRobot robot, String id) {
        return (ComboBox<String>) robot.lookup(".combo-box").match(n -> id.equals(n.getId())).query();
    }

    @Test
    void aFixForTwoGroupsAsksANameForEachAndAppliesEachWhereItBelongs(FxRobot robot) throws Exception {
        var editor = window.editor();
        until("the SNI finding on the written off", () -> editor.analysisProperty().get() != null
                && editor.analysisProperty().get().diagnostics().stream().anyMatch(d -> d.rule().equals("upstream-sni-off")
                        && d.range().start() == HARBOR.indexOf("proxy_ssl_server_name off;")));
        robot.interact(() -> editor.moveCaret(HARBOR.indexOf("proxy_ssl_server_name off;") + 3));
        robot.interact(editor::requestFocus);
        robot.press(KeyCode.CONTROL).press(KeyCode.PERIOD).release(KeyCode.PERIOD).release(KeyCode.CONTROL);
        until("the fixes menu", () -> robot.lookup(".preferred-fix").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        until("the dialog", () -> robot.lookup(".combo-box").match(n -> "fix-input-sni-name:core".equals(n.getId()))
                .tryQuery().isPresent());
        Set<String> ids = fx(() -> robot.lookup(".combo-box").queryAll().stream().map(Node::getId)
                .filter(id -> id != null && id.startsWith("fix-input-")).collect(Collectors.toSet()));
        assertEquals(Set.of("fix-input-sni-name:core", "fix-input-sni-name:portal"), ids, "one field per target, no shared one");
        ComboBox<String> core = field(robot, "fix-input-sni-name:core");
        ComboBox<String> portal = field(robot, "fix-input-sni-name:portal");
        Node apply = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && "Apply".equals(b.getText())).query();

        robot.interact(() -> {
            core.getEditor().setText("core.harbor.local");
            portal.getEditor().setText("");
        });
        until("Apply waits for the second name", apply::isDisabled);
        robot.interact(() -> portal.getEditor().setText("portal.harbor.local"));
        until("both names: the preview shows each in its location", () -> {
            String preview = robot.lookup("#fix-preview").queryTextInputControl().getText();
            return preview.contains("proxy_ssl_name core.harbor.local;") && preview.contains("proxy_ssl_name portal.harbor.local;")
                    && !apply.isDisabled();
        });
        robot.interact(() -> ((Button) apply).fire());
        until("applied", () -> editor.text().contains("proxy_ssl_name portal.harbor.local;"));
        String text = fx(editor::text);
        int api = text.indexOf("location /api/");
        int root = text.indexOf("location / {");
        assertTrue(text.indexOf("proxy_ssl_name core.harbor.local;") > api && text.indexOf("proxy_ssl_name core.harbor.local;") < root,
                text);
        assertTrue(text.indexOf("proxy_ssl_name portal.harbor.local;") > root, text);
        until("no SNI finding left", () -> editor.analysisProperty().get().text().equals(editor.text())
                && editor.analysisProperty().get().diagnostics().stream().noneMatch(d -> d.rule().equals("upstream-sni-off")));
    }
}
