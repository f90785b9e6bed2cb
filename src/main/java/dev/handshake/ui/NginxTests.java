package dev.handshake.ui;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.Severity;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.theme.Themes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * of every open file it includes too, in the background; its output in a window where each message that
 * names a place jumps there, and a message without one (e.g. {@code no proxy_ssl_trusted_certificate for
 * proxy_ssl_verify}) points at the finding about the same directive. A message with a place is also an
 * underline ({@link #RULE}) on that line in the file's tab, until the tab is analysed again.
 */
final class NginxTests {

    /** The rule id of what nginx said (its doc: {@code /rules/nginx-t.md}); no rule of the linter has it. */
    static final String RULE = "nginx-t";

    private static final Pattern DIRECTIVE = Pattern.compile("\\b[a-z0-9]+(?:_[a-z0-9]+)+\\b");

    private final EditorTabs tabs;
    private final Window owner;
    private final Predicate<Path> openInTab;
    private final Consumer<Diagnostic> jumpTo;
    private final Consumer<String> say;
    private Stage shown;
    /** The last answer, laid over each tab it names until that tab is analysed again. */
    private NginxTestRun.Result last;
    /** The text version of each open tab when the last test started: a tab edited since is not underlined. */
    private final Map<Document, Long> testedVersions = new java.util.WeakHashMap<>();
    private final Set<Document> underlined = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final java.util.function.Supplier<String> nginxPath;

    /**
     * @param openInTab selects the tab of a file (opening it); false when it cannot be opened
     * @param jumpTo    shows a finding (selects it, opening its file)
     * @param nginxPath the nginx executable the settings name, or null for the PATH
     */
    NginxTests(EditorTabs tabs, Window owner, Predicate<Path> openInTab, Consumer<Diagnostic> jumpTo,
               Consumer<String> say, java.util.function.Supplier<String> nginxPath) {
        this.nginxPath = nginxPath;
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
        NginxTestRun.Lookup found = NginxTestRun.locate(nginxPath.get());
        Optional<Path> nginx = found.binary();
        if (nginx.isEmpty()) {
            say.accept(found.notFound());
            return;
        }
        Document tested = rootDocument();
        Path original = tested.savedPath();
        Path file;
        try {
            file = original != null ? original.toAbsolutePath().normalize()
                    : Files.createTempDirectory("handshake-untitled-").resolve(tested.name());
        } catch (IOException e) {
            say.accept("Cannot test with nginx: " + e.getMessage());
            return;
        }
        Map<Path, byte[]> unsaved = new HashMap<>();
        Map<Path, String> modifiedNames = new LinkedHashMap<>();
        unsaved.put(file, tested.bytesToSave());
        // A snippet opened on its own is tested inside the config on disk that includes it.
        Path start = includerOnDisk(tested).orElse(file);
        testedVersions.clear();
        for (Document d : tabs.all()) {
            testedVersions.put(d, d.editor().version());
        }
        for (Document d : tabs.all()) {
            if (d != tested && d.editor().modifiedProperty().get() && d.savedPath() != null) {
                Path path = d.savedPath().toAbsolutePath().normalize();
                unsaved.put(path, d.bytesToSave());
                modifiedNames.put(path, d.savedPath().getFileName().toString());
            }
        }
        Analysis analysis = tested.editor().analysisProperty().get();
        say.accept("Testing with " + nginx.get() + " -t…");
        Thread worker = new Thread(() -> {
            String failure = null;
            NginxTestRun.Result result = null;
            try {
                result = NginxTestRun.run(nginx.get(), start, unsaved, NginxTestRun.TIMEOUT);
            } catch (IOException | RuntimeException e) {
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
                    List<String> untested = modifiedNames.entrySet().stream()
                            .filter(e -> !done.files().contains(e.getKey())).map(Map.Entry::getValue).toList();
                    show(done, analysis, untested);
                }
            });
        }, "handshake-nginx-t");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The config on disk that {@code tested} was last analysed in when no tab holds it (a snippet opened
     * on its own), or empty when the tab is its own main config.
     */
    private static Optional<Path> includerOnDisk(Document tested) {
        Analysis analysis = tested.editor().analysisProperty().get();
        if (analysis == null || analysis.lint() == null || tested.savedPath() == null) {
            return Optional.empty();
        }
        Path root = analysis.lint().model().main().path().toAbsolutePath().normalize();
        return root.equals(tested.savedPath().toAbsolutePath().normalize()) ? Optional.empty() : Optional.of(root);
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
        last = result;
        underlined.clear();
        for (Document open : tabs.all()) {
            underline(open);
        }
        if (shown != null) {
            shown.close();
        }
        Label header = new Label(verdict + (unsavedOthers.isEmpty() ? ""
                : ". Unsaved changes in " + String.join(", ", unsavedOthers) + " are not part of this test: "
                        + (unsavedOthers.size() == 1 ? "it is" : "they are") + " not included from the tested file."));
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
        // Escape closes it, like a dialog (without a window manager's title bar there is no other way).
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.show();
        shown = stage;
    }

    /**
     * Underlines, in {@code document}, the lines the last answer named in its file (once per answer and
     * tab: the next analysis, after an edit, removes them).
     */
    private void underline(Document document) {
        if (last == null || document == null || document.savedPath() == null || !underlined.add(document)) {
            return;
        }
        Long tested = testedVersions.get(document);
        if (tested != null && tested != document.editor().version()) {
            return;
        }
        List<Diagnostic> found = findings(last, document.savedPath(), document.editor().text());
        if (!found.isEmpty()) {
            document.editor().showAlso(found);
        }
    }

    /**
     * What nginx said about {@code file}, as findings of {@link #RULE} on the lines it named in
     * {@code text} (the buffer it tested): from the line's first character to its last, blanks left out.
     */
    static List<Diagnostic> findings(NginxTestRun.Result result, Path file, String text) {
        Path wanted = file.toAbsolutePath().normalize();
        LineIndex lines = new LineIndex(text);
        List<Diagnostic> found = new ArrayList<>();
        for (NginxTestRun.Message message : result.messages()) {
            if (!message.located() || !message.file().toAbsolutePath().normalize().equals(wanted)) {
                continue;
            }
            int line = Math.max(1, Math.min(message.line(), lines.lineCount()));
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line, text);
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            found.add(new Diagnostic(RULE, severity(message.level()), wanted, new TextRange(start, end),
                    "nginx -t: " + message.text(), List.of(), List.of()));
        }
        return found;
    }

    private static Severity severity(String level) {
        return switch (level) {
            case "warn" -> Severity.WARNING;
            case "notice" -> Severity.INFO;
            default -> Severity.ERROR;
        };
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
            underline(tabs.current());
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
