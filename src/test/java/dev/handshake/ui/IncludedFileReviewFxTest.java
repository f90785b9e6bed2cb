package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The save review of an included file asks nginx about the config that includes it (Debian's nginx):
 * tested on its own, a snippet of http-level directives is refused for directives that are fine where
 * it is included.
 */
@ExtendWith(ApplicationExtension.class)
class IncludedFileReviewFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String MAIN = "events {}\nhttp {\n    include timeouts.conf;\n    server {\n"
            + "        listen 127.0.0.1:18097;\n    }\n}\n";

    @TempDir
    Path dir;

    private MainWindow window;
    private Path included;

    @Start
    void start(Stage stage) throws Exception {
        Path main = Files.writeString(dir.resolve("nginx.conf"), MAIN);
        included = Files.writeString(dir.resolve("timeouts.conf"), "proxy_read_timeout 30s;\n");
        window = TestWindows.open(stage, Linter.standard(), main);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private static void nginx() {
        Optional<Path> found = NginxTestRun.findBinary(null, System.getenv("PATH"));
        if (found.isEmpty()) {
            String reason = "nginx is not installed (apt-get install nginx-light)";
            if (Boolean.getBoolean("handshake.nginx.required")) {
                throw new IllegalStateException(reason + "; -Dhandshake.nginx.required=true says it must be");
            }
            System.out.println("[skipped] IncludedFileReviewFxTest: " + reason);
            Assumptions.abort(reason);
        }
    }

    private String checks(FxRobot robot) {
        return robot.lookup("#review-checks").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("");
    }

    private void editIncludedAndSave(FxRobot robot, String text) throws Exception {
        robot.interact(() -> assertTrue(window.openInTab(included)));
        FxWait.until("the include is analysed in the main config's context", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis != null && analysis.lint() != null
                    && analysis.lint().model().main().path().getFileName().toString().equals("nginx.conf");
        });
        robot.interact(() -> window.editor().replaceAll(text));
        FxWait.until("analysed", () -> window.editor().analysisProperty().get().text().equals(text));
        robot.interact(window.editor()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until("review", () -> robot.lookup("#review-checks").tryQuery().isPresent());
    }

    @Test
    void anIncludedSnippetIsTestedInsideTheConfigThatIncludesIt(FxRobot robot) throws Exception {
        nginx();
        editIncludedAndSave(robot, "proxy_read_timeout 40s;\n");
        FxWait.until("nginx's answer", () -> !checks(robot).contains("testing"));
        assertEquals("nginx -t: nginx accepts the file as it will be saved (tested as part of nginx.conf)", checks(robot),
                "on its own the snippet is refused: \"proxy_read_timeout\" directive is not allowed here");
        robot.clickOn("Cancel");
        assertEquals("proxy_read_timeout 30s;\n", Files.readString(included), "nothing written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("nginx.conf", "timeouts.conf"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary copy left beside the files");
        }
    }

    @Test
    void aRefusalInTheIncludedFileNamesItsLine(FxRobot robot) throws Exception {
        nginx();
        editIncludedAndSave(robot, "proxy_read_timeout 40s;\nproxy_read_timeout 50s;\n");
        FxWait.until("nginx's answer", () -> !checks(robot).contains("testing"));
        assertEquals("nginx -t rejects it (tested as part of nginx.conf): \"proxy_read_timeout\" directive is duplicate"
                + " (line 2)", checks(robot));
        robot.clickOn("Cancel");
    }
}
