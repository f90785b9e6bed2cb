package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.theme.Themes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Code > Test with nginx (Ctrl+T): {@code nginx -t} on the config as it is in the editor, unsaved changes
 * included, in the background; its output in a window where each message that names a place jumps
 * there, and a message without one (e.g. {@code no proxy_ssl_trusted_certificate for proxy_ssl_verify})
 * points at the finding about the same directive.
 */
final class NginxTests {

    private static final Pattern DIRECTIVE = Pattern.compile("\\b[a-z0-9]+(?:_[a-z0-9]+)+\\b");

    private final EditorTabs tabs;
    private final Window owner;
    private final Predicate<Path> openInTab;
    private final Consumer<Diagnostic> jumpTo;
    private final Consumer<String> say;
    private Stage shown;

    /**
     * @param openInTab selects the tab of a file (opening it); false when it cannot be opened
     * @param jumpTo    shows a finding (selects it, opening its file)
     */
    NginxTests(EditorTabs tabs, Window owner, Predicate<Path> openInTab, Consumer<Diagnostic> jumpTo,
               Consumer<String> say) {
        this.tabs = tabs;
        this.owner = owner;
        this.openInTab = openInTab;
        this.jumpTo = jumpTo;
        this.say = say;
    }

    /** One line of the result window: what nginx said, and where it leads. */
    record Entry(NginxTestRun.Message message, Path file, int line, String finding) {

        @Override
        public String toString() {
            String place = file != null ? "  (" + file.getFileName() + ":" + line + ")" : "";
            String link = finding != null ? "  → " + finding : "";
            return "[" + message.level() + "] " + message.text() + place + link;
        }
    }

    void run() {
        Optional<Path> nginx = NginxTestRun.findBinary(System.getProperty("handshake.nginx"), System.getenv("PATH"));
        if (nginx.isEmpty()) {
            say.accept("No nginx found on the PATH or in /usr/sbin: install it (apt-get install nginx-light) to test with it");
            return;
        }
        Document tested = rootDocument();
        Path original = tested.savedPath();
        byte[] bytes = tested.bytesToSave();
        Analysis analysis = tested.editor().analysisProperty().get();
        List<String> unsavedOthers = tabs.all().stream()
                .filter(d -> d != tested && d.editor().modifiedProperty().get() && d.savedPath() != null)
                .map(d -> d.savedPath().getFileName().toString()).toList();
        say.accept("Testing with " + nginx.get() + " -t…");
        Thread worker = new Thread(() -> {
            String failure = null;
            NginxTestRun.Result result = null;
            try {
                Path file = original != null ? original : Files.createTempDirectory("handshake-untitled-").resolve(tested.name());
                result = NginxTestRun.run(nginx.get(), file, bytes, NginxTestRun.TIMEOUT);
            } catch (IOException e) {
                failure = "Cannot test with nginx: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "Test with nginx interrupted";
            }
            NginxTestRun.Result done = result;
            String failed = failure;
            Platform.runLater(() -> {
                if (done == null) {
                    say.accept(failed);
                } else {
                    show(done, analysis, unsavedOthers);
                }
            });
        }, "handshake-nginx-t");
        worker.setDaemon(true);
        worker.start();
    }

    /** The document nginx would start from: the open config the current tab is analysed in, else the current tab. */
    private Document rootDocument() {
        Document current = tabs.current();
        Analysis analysis = current.editor().analysisProperty().get();
        if (analysis != null && analysis.lint() != null) {
            Path root = analysis.lint().model().main().path();
            Optional<Document> open = tabs.find(root);
            if (open.isPresent()) {
                return open.get();
            }
        }
        return current;
    }

    private void show(NginxTestRun.Result result, Analysis analysis, List<String> unsavedOthers) {
        List<Entry> entries = new ArrayList<>();
        for (NginxTestRun.Message message : result.messages()) {
            entries.add(new Entry(message, message.file(), message.line(),
                    message.located() ? null : findingFor(message.text(), analysis)));
        }
        String verdict = result.timedOut() ? "nginx -t did not finish in " + NginxTestRun.TIMEOUT.toSeconds() + " s"
                : result.passed() ? "nginx accepts this config" : "nginx rejects this config (exit " + result.exit() + ")";
        say.accept(verdict);
        if (shown != null) {
            shown.close();
        }
        Label header = new Label(verdict + (unsavedOthers.isEmpty() ? ""
                : ". Unsaved changes in " + String.join(", ", unsavedOthers) + " are not part of this test."));
        header.setId("nginx-verdict");
        header.setWrapText(true);
        ListView<Entry> list = new ListView<>();
        list.setId("nginx-messages");
        list.getItems().setAll(entries);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                jump(list.getSelectionModel().getSelectedItem(), analysis);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jump(list.getSelectionModel().getSelectedItem(), analysis);
            }
        });
        TextArea output = new TextArea(result.output());
        output.setId("nginx-output");
        output.setEditable(false);
        output.setPrefRowCount(8);
        VBox content = new VBox(8, header, list, new Label("nginx said:"), output);
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setStyle("-fx-padding: 10;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Test with nginx");
        Scene scene = new Scene(content, 760, 420);
        Themes.apply(content, owner);
        stage.setScene(scene);
        stage.show();
        shown = stage;
    }

    /** The finding whose message names a directive the nginx message names, as "rule at file:line". */
    static String findingFor(String message, Analysis analysis) {
        if (analysis == null || analysis.lint() == null) {
            return null;
        }
        Matcher names = DIRECTIVE.matcher(message);
        while (names.find()) {
            String name = names.group();
            for (Diagnostic d : analysis.lint().diagnostics()) {
                if (d.message().contains(name)) {
                    return d.rule() + " at " + d.file().getFileName() + ":" + analysis.lineOf(d.file(), d.range().start());
                }
            }
        }
        return null;
    }

    private void jump(Entry entry, Analysis analysis) {
        if (entry == null) {
            return;
        }
        if (entry.file() != null && entry.line() > 0) {
            if (!openInTab.test(entry.file())) {
                return;
            }
            ConfigEditor editor = tabs.current().editor();
            String text = editor.text();
            LineIndex lines = new LineIndex(text);
            int line = Math.min(entry.line(), lines.lineCount());
            editor.select(new TextRange(lines.lineStart(line), lines.lineEnd(line, text)));
            return;
        }
        if (analysis != null && analysis.lint() != null && entry.finding() != null) {
            String rule = entry.finding().substring(0, entry.finding().indexOf(' '));
            analysis.lint().diagnostics().stream().filter(d -> d.rule().equals(rule)).findFirst().ifPresent(jumpTo);
        }
    }
}
