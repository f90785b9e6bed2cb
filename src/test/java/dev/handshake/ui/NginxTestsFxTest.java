package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Linter;
import dev.handshake.text.TextRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
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

/** Code > Test with nginx against Debian's real nginx: unsaved buffers tested, messages lead to their place. */
@ExtendWith(ApplicationExtension.class)
class NginxTestsFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String MAIN = "events {}\nhttp {\n    include extra.conf;\n    server {\n"
            + "        listen 127.0.0.1:18099;\n    }\n}\n";

    @TempDir
    Path dir;

    private MainWindow window;
    private Path main;

    private static Path nginx() {
        Optional<Path> found = NginxTestRun.findBinary(null, System.getenv("PATH"));
        if (found.isEmpty()) {
            String reason = "nginx is not installed (apt-get install nginx-light)";
            if (Boolean.getBoolean("handshake.nginx.required")) {
                throw new IllegalStateException(reason + "; -Dhandshake.nginx.required=true says it must be");
            }
            System.out.println("[skipped] NginxTestsFxTest: " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        main = dir.resolve("nginx.conf");
        Files.writeString(main, MAIN);
        Files.writeString(dir.resolve("extra.conf"), "proxy_read_timeout 30s;\n");
        window = TestWindows.open(stage, Linter.standard(), main);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    @SuppressWarnings("unchecked")
    private List<NginxTests.Entry> entries(FxRobot robot) {
        return robot.lookup("#nginx-messages").tryQuery().map(n -> List.copyOf(((ListView<NginxTests.Entry>) n).getItems()))
                .orElse(List.of());
    }

    private String verdict(FxRobot robot) {
        return robot.lookup("#nginx-verdict").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("");
    }

    @Test
    void anUnsavedErrorIsFoundAtItsLineAndNothingIsLeftBehind(FxRobot robot) throws Exception {
        nginx();
        String broken = MAIN.replace("        listen 127.0.0.1:18099;\n", "        listen 127.0.0.1:18099;\n        bogus_directive on;\n");
        robot.interact(() -> window.editor().replaceAll(broken));
        robot.interact(() -> window.nginxTests().run());
        FxWait.until("nginx's verdict", () -> verdict(robot).startsWith("nginx rejects this config"));
        NginxTests.Entry entry = entries(robot).get(0);
        assertEquals("[emerg] unknown directive \"bogus_directive\"  (nginx.conf:6)", entry.toString());
        assertEquals(main.toString(), entry.file().toString(), "the temporary copy's name is replaced by the file's");
        assertTrue(FxWait.fx(() -> ((javafx.scene.control.TextArea) robot.lookup("#nginx-output").query()).getText())
                .contains("unknown directive \"bogus_directive\" in " + main + ":6"));

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<NginxTests.Entry> list = (ListView<NginxTests.Entry>) robot.lookup("#nginx-messages").query();
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        FxWait.until("the line is selected in the editor", () -> {
            String text = window.editor().text();
            int caret = window.editor().caretProperty().get();
            return text.substring(text.lastIndexOf('\n', caret - 1) + 1, caret).equals("        bogus_directive on;");
        });
        assertEquals(MAIN, Files.readString(main), "the file on disk is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("extra.conf", "nginx.conf"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary copy left beside the file");
        }
    }

    @Test
    void aMessageWithoutAPlaceLeadsToTheFindingAboutTheSameDirective(FxRobot robot) throws Exception {
        nginx();
        String noCa = MAIN.replace("        listen 127.0.0.1:18099;\n", "        listen 127.0.0.1:18099;\n"
                + "        location / {\n            proxy_pass https://127.0.0.1:9443;\n            proxy_ssl_verify on;\n        }\n");
        robot.interact(() -> window.editor().replaceAll(noCa));
        FxWait.until("analysed", () -> window.editor().analysisProperty().get().text().equals(noCa));
        robot.interact(() -> window.nginxTests().run());
        FxWait.until("nginx's verdict", () -> verdict(robot).startsWith("nginx rejects this config"));
        NginxTests.Entry entry = entries(robot).get(0);
        assertEquals("no proxy_ssl_trusted_certificate for proxy_ssl_verify", entry.message().text());
        assertEquals(null, entry.file());
        assertTrue(entry.finding() != null && entry.finding().startsWith("upstream-verify-without-ca at nginx.conf:"),
                String.valueOf(entry.finding()));
    }

    @Test
    void aGoodConfigPasses(FxRobot robot) throws Exception {
        nginx();
        robot.interact(() -> window.nginxTests().run());
        FxWait.until("nginx's verdict", () -> verdict(robot).equals("nginx accepts this config"));
        assertEquals(List.of(), entries(robot).stream().filter(e -> e.message().level().equals("emerg")).toList());
        javafx.stage.Window results = robot.lookup("#nginx-verdict").query().getScene().getWindow();
        robot.interact(results::requestFocus);
        FxWait.until("the result window has the focus", results::isFocused);
        robot.type(KeyCode.ESCAPE);
        FxWait.until("Escape closes the result window", () -> !results.isShowing());
        robot.interact(() -> window.editor().select(TextRange.at(0)));
    }

    @Test
    void anUnsavedIncludedFileIsTestedAndTheLineNginxNamesIsUnderlinedInItsTab(FxRobot robot) throws Exception {
        nginx();
        Path extra = dir.resolve("extra.conf");
        robot.interact(() -> assertTrue(window.openInTab(extra)));
        String duplicate = "proxy_read_timeout 30s;\n  proxy_read_timeout 40s;  \n";
        robot.interact(() -> window.editor().replaceAll(duplicate));
        robot.interact(() -> window.nginxTests().run());
        FxWait.until("nginx's verdict", () -> verdict(robot).startsWith("nginx rejects this config"));
        NginxTests.Entry entry = entries(robot).get(0);
        assertEquals("[emerg] \"proxy_read_timeout\" directive is duplicate  (extra.conf:2)", entry.toString(),
                "the unsaved included buffer is what nginx read (the file on disk has one timeout)");
        assertEquals(extra, entry.file());

        int start = duplicate.indexOf("proxy_read_timeout 40s;");
        FxWait.until("the line nginx named is underlined in the included file's tab", () -> {
            var shown = window.editor().analysisProperty().get();
            return shown.diagnostics().stream().anyMatch(d -> d.rule().equals(NginxTests.RULE));
        });
        var finding = FxWait.fx(() -> window.editor().analysisProperty().get().diagnostics().stream()
                .filter(d -> d.rule().equals(NginxTests.RULE)).findFirst().orElseThrow());
        assertEquals(new TextRange(start, start + "proxy_read_timeout 40s;".length()), finding.range(), "the line, blanks left out");
        assertEquals("nginx -t: \"proxy_read_timeout\" directive is duplicate", finding.message());
        assertTrue(FxWait.fx(() -> window.editor().styleClassesAt(start + 3)).contains("problem-error"),
                "drawn as an error underline");
        assertEquals("proxy_read_timeout 30s;\n", Files.readString(extra), "nothing was saved");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("extra.conf", "nginx.conf"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary copy left beside the files");
        }

        robot.interact(() -> window.editor().replaceAll("proxy_read_timeout 40s;\n"));
        FxWait.until("the next analysis drops nginx's old answer", () -> {
            var shown = window.editor().analysisProperty().get();
            return shown.text().equals("proxy_read_timeout 40s;\n")
                    && shown.diagnostics().stream().noneMatch(d -> d.rule().equals(NginxTests.RULE));
        });
    }
}
