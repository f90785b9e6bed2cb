package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An included file opened on its own (no tab holds the config that includes it) is analysed in the
 * context of the nearest including file on disk: it shows the findings it has there, with their fixes.
 */
@ExtendWith(ApplicationExtension.class)
class IncludedAloneFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    Path dir;

    private MainWindow window;
    private Path main;

    @Start
    void start(Stage stage) throws Exception {
        main = Files.writeString(dir.resolve("nginx.conf"), "events {}\nhttp {\n    include conf.d/*.conf;\n"
                + "    server {\n        listen 80;\n        location / {\n            proxy_pass https://127.0.0.1:9443;\n"
                + "        }\n    }\n}\n");
        Files.createDirectories(dir.resolve("conf.d"));
        Path snippet = Files.writeString(dir.resolve("conf.d/tls.conf"), "proxy_ssl_verify on;\n");
        window = TestWindows.open(stage, Linter.standard(), snippet);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void aSnippetOpenedAloneShowsItsFindingsInTheConfigOnDiskThatIncludesIt(FxRobot robot) throws Exception {
        FxWait.until("analysed in nginx.conf's context", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis != null && analysis.lint() != null
                    && analysis.lint().model().main().path().equals(main.toAbsolutePath().normalize());
        });
        List<String> rules = FxWait.fx(() -> window.editor().analysisProperty().get().diagnostics().stream()
                .map(d -> d.rule()).toList());
        assertEquals(List.of("upstream-verify-without-ca"), rules,
                "verification is on for the location in nginx.conf with no CA: nginx -t refuses it there");
        FxWait.until("listed in Problems", () -> window.problems().visibleRows().stream()
                .anyMatch(p -> p.location().equals("tls.conf:1")));
        assertEquals(1, FxWait.fx(() -> window.tabs().all().size()), "the main config is not opened for it");
    }

    @Test
    void testWithNginxTestsTheSnippetInsideTheConfigThatIncludesIt(FxRobot robot) throws Exception {
        if (NginxTestRun.findBinary(null, System.getenv("PATH")).isEmpty()) {
            System.out.println("[skipped] IncludedAloneFxTest nginx part: nginx is not installed");
            org.junit.jupiter.api.Assumptions.abort("nginx is not installed");
        }
        FxWait.until("analysed in nginx.conf's context", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis != null && analysis.lint() != null
                    && analysis.lint().model().main().path().equals(main.toAbsolutePath().normalize());
        });
        robot.interact(() -> window.editor().replaceAll("proxy_read_timeout 30s;\nproxy_read_timeout 40s;\n"));
        robot.interact(() -> window.nginxTests().run());
        FxWait.until("nginx's verdict", () -> robot.lookup("#nginx-verdict").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("").startsWith("nginx rejects"));
        @SuppressWarnings("unchecked")
        var entries = FxWait.fx(() -> List.copyOf(((javafx.scene.control.ListView<NginxTests.Entry>) robot.lookup("#nginx-messages")
                .query()).getItems()));
        assertEquals("[emerg] \"proxy_read_timeout\" directive is duplicate  (tls.conf:2)", entries.get(0).toString(),
                "alone, nginx would refuse the snippet's first line: \"proxy_read_timeout\" directive is not allowed here");
    }
}
