package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The include tree: globs expanded, nested includes, a missing one, refreshed on edit, double-click opens. */
@ExtendWith(ApplicationExtension.class)
class IncludeTreeFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    Path dir;

    private MainWindow window;
    private Path main;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(dir.resolve("conf.d/a.conf"), "server { include snippets/tls.conf; }\n");
        Files.writeString(dir.resolve("conf.d/b.conf"), "server { listen 81; }\n");
        Files.writeString(dir.resolve("snippets/tls.conf"), "proxy_ssl_server_name on;\n");
        main = dir.resolve("nginx.conf");
        Files.writeString(main, "http {\n    include conf.d/*.conf;\n    include missing.conf;\n}\n");
        window = TestWindows.open(stage, TestRules.linter(), main);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private String outline() throws Exception {
        return FxWait.fx(() -> {
            TreeItem<IncludeTree.Entry> root = window.includes().view().getRoot();
            return root == null ? "" : outline(root, "");
        });
    }

    private static String outline(TreeItem<IncludeTree.Entry> item, String indent) {
        StringBuilder text = new StringBuilder(indent).append(item.getValue().label()).append('\n');
        for (TreeItem<IncludeTree.Entry> child : item.getChildren()) {
            text.append(outline(child, indent + "  "));
        }
        return text.toString();
    }

    @Test
    void showsGlobsNestedAndMissingIncludesAndOpensOnDoubleClick(FxRobot robot) throws Exception {
        String expected = String.join("\n",
                "nginx.conf",
                "  conf.d/a.conf",
                "    snippets/tls.conf",
                "  conf.d/b.conf",
                "  missing.conf (no file)", "");
        FxWait.until("include tree", () -> outline().equals(expected));

        robot.interact(() -> window.editor().replaceRange(
                dev.handshake.text.TextRange.at(window.editor().text().indexOf("    include missing")),
                "    include snippets/*.conf;\n"));
        FxWait.until("tree refreshed after the edit", () -> outline().contains("  snippets/tls.conf\n  missing.conf"));

        Node missing = robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.getItem() != null && c.getText().startsWith("missing.conf")).query();
        assertTrue(missing.getStyleClass().contains("missing-include"));
        robot.doubleClickOn(missing);
        FxWait.until("the include that reaches nothing is selected",
                () -> robot.lookup("#status-message").queryLabeled().getText().contains("reaches no file"));

        robot.interact(() -> window.editor().replaceAll("http {\n    include conf.d/*.conf;\n}\n"));
        robot.interact(window.editor()::markSaved);
        FxWait.until("tree without the missing include", () -> !outline().contains("missing"));
        Node b = robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.getItem() != null && "conf.d/b.conf".equals(c.getText())).query();
        robot.doubleClickOn(b);
        FxWait.until("b.conf opened", () -> dir.resolve("conf.d/b.conf").toAbsolutePath().normalize()
                .equals(window.editor().pathProperty().get()));
        assertEquals("server { listen 81; }\n", FxWait.fx(window.editor()::text));
        FxWait.until("the opened include is shown in the tree of the config that includes it",
                () -> outline().equals("nginx.conf\n  conf.d/a.conf\n    snippets/tls.conf\n  conf.d/b.conf\n"));
    }
}
