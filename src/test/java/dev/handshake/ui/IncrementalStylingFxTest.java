package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handshake.lint.Linter;
import dev.handshake.text.TextRange;
import dev.handshake.ui.editor.Analysis;
import dev.handshake.ui.editor.ConfigEditor;
import dev.handshake.ui.editor.StyleRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor restyles only what changed after each analysis; after any series of edits (typing,
 * replacing a selection, undo, redo) the styles on screen must still be exactly the styles of a fresh
 * analysis, character by character.
 */
@ExtendWith(ApplicationExtension.class)
class IncrementalStylingFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String CONFIG = """
            http {
                upstream pool { server 10.0.0.1:443; }
                server {
                    listen 80;
                    # a comment with "quotes" and { braces }
                    location / {
                        proxy_pass https://pool;
                        proxy_ssl_verify off;
                    }
                }
            }
            """;

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("styles-" + System.nanoTime() + ".conf");
        Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        window = TestWindows.open(stage, Linter.standard(), file);
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    /** Gutters on screen whose severity marker or lightbulb disagrees with {@code analysis}. */
    private static List<String> gutterMismatches(FxRobot robot, Analysis analysis) {
        java.util.Map<Integer, dev.handshake.lint.Severity> worst = new java.util.HashMap<>();
        java.util.Set<Integer> fixable = new java.util.HashSet<>();
        for (dev.handshake.lint.Diagnostic d : analysis.diagnostics()) {
            int line = analysis.lines().line(Math.min(d.range().start(), analysis.text().length()));
            worst.merge(line, d.severity(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
            if (d.fixes().stream().anyMatch(f -> !f.title().startsWith("Suppress "))) {
                fixable.add(line);
            }
        }
        List<String> found = new ArrayList<>();
        for (javafx.scene.Node node : robot.lookup(".gutter").queryAll()) {
            if (!(node instanceof javafx.scene.layout.HBox box) || box.getScene() == null || !box.isVisible()
                    || !(box.getChildren().get(0) instanceof javafx.scene.control.Label number)) {
                continue;
            }
            int line = Integer.parseInt(number.getText().trim());
            if (line > analysis.lines().lineCount()) {
                continue; // a pooled cell past the end of the text
            }
            List<String> marker = box.getChildren().get(1).getStyleClass();
            dev.handshake.lint.Severity severity = worst.get(line);
            boolean markerRight = severity == null ? marker.size() == 1 : marker.contains("gutter-" + severity.label());
            boolean bulbRight = fixable.contains(line) == box.getChildren().get(2).getStyleClass().contains("gutter-fixable");
            if (!markerRight || !bulbRight) {
                found.add("line " + line + ": marker " + marker + " bulb " + box.getChildren().get(2).getStyleClass()
                        + " wanted " + severity + (fixable.contains(line) ? " fixable" : ""));
            }
        }
        return found;
    }

    @Test
    void stylesOnScreenEqualAFreshAnalysisAfterRandomEdits(FxRobot robot) throws Exception {
        ConfigEditor editor = window.editor();
        Random random = new Random(42);
        List<String> pieces = List.of("#", "\"", "'", "{", "}", ";", " off", "$var", "\n", "x", "location ~ ",
                // whole lines and blocks that carry findings (and move every finding after them)
                "proxy_ssl_verify off;\n", "no_such_directive 1;\n",
                "location /b {\n    proxy_pass https://pool;\n    proxy_ssl_verify off;\n}\n",
                "server {\n    location / { proxy_pass https://10.0.0.9; }\n}\n");
        for (int round = 0; round < 60; round++) {
            List<String> log = new ArrayList<>();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                robot.interact(() -> {
                    int operation = random.nextInt(12);
                    if (operation == 0) {
                        log.add("undo");
                        editor.undo();
                        return;
                    }
                    if (operation == 1) {
                        log.add("redo");
                        editor.redo();
                        return;
                    }
                    if (operation == 2 || operation == 3) {
                        // delete whole lines (1 to 4 of them), findings and all
                        String text = editor.text();
                        int from = text.lastIndexOf('\n', Math.max(0, random.nextInt(text.length() + 1) - 1)) + 1;
                        int to = from;
                        for (int lines = 1 + random.nextInt(4); lines > 0 && to < text.length(); lines--) {
                            int lineEnd = text.indexOf('\n', to);
                            to = lineEnd < 0 ? text.length() : lineEnd + 1;
                        }
                        log.add(from + "-" + to + " deleted lines");
                        editor.replaceRange(new TextRange(from, to), "");
                        return;
                    }
                    int length = editor.text().length();
                    int start = random.nextInt(length + 1);
                    int end = random.nextBoolean() ? start : Math.min(length, start + random.nextInt(4));
                    String piece = pieces.get(random.nextInt(pieces.size()));
                    log.add(start + "-" + end + " <- " + piece.replace("\n", "\\n"));
                    editor.replaceRange(new TextRange(start, end), piece);
                });
            }
            String text = FxWait.fx(editor::text);
            // Not "an analysis of equal text": after an undo the text can equal an older, already shown one.
            java.util.concurrent.CompletableFuture<Analysis> current = new java.util.concurrent.CompletableFuture<>();
            robot.interact(() -> editor.withCurrentAnalysis(current::complete));
            assertEquals(text, current.get(30, java.util.concurrent.TimeUnit.SECONDS).text(), "analysis of round " + round);
            List<String> mismatches = FxWait.fx(() -> styleMismatches(editor));
            assertEquals(List.of(), mismatches, "round " + round + " edits " + log + " text [" + text.replace("\n", "\\n") + "]");
            List<String> gutterMismatches = FxWait.fx(() -> gutterMismatches(robot, editor.analysisProperty().get()));
            assertEquals(List.of(), gutterMismatches, "gutter after round " + round + " edits " + log);
        }
    }

    /** Characters whose style classes on screen differ from the latest analysis's (at most five). */
    private static List<String> styleMismatches(ConfigEditor editor) {
        Analysis analysis = editor.analysisProperty().get();
        List<String> found = new ArrayList<>();
        int offset = 0;
        for (StyleRun run : analysis.styles()) {
            List<String> wanted = run.styles().stream().sorted().toList();
            for (int i = offset; i < offset + run.length() && found.size() < 5; i++) {
                if (analysis.text().charAt(i) == '\n') {
                    continue; // a line break is not a styled character in the text area
                }
                List<String> shown = editor.styleClassesAt(i).stream()
                        .filter(s -> !s.equals("bracket-match")).sorted().toList();
                if (!shown.equals(wanted)) {
                    found.add(i + ": shown " + shown + " wanted " + wanted);
                }
            }
            offset += run.length();
        }
        return found;
    }

    @Test
    void aLargeFileOpenedOverAColouredOneShowsOnlyItsOwnStyles(FxRobot robot) throws Exception {
        ConfigEditor editor = window.editor();
        FxWait.until("colours of the small file", () -> editor.analysisProperty().get() != null
                && editor.styleClassesAt(0).contains("block-name"));
        // Over the quick-colour limit: loaded plain, coloured by the background analysis only.
        StringBuilder large = new StringBuilder("# a comment first, then many blocks\n");
        for (int i = 0; large.length() < 260_000; i++) {
            large.append("server {\n    listen 80;\n    location /").append(i)
                    .append(" { proxy_pass https://10.0.0.1; proxy_ssl_verify off; }\n}\n");
        }
        Path file = dir.resolve("large-" + System.nanoTime() + ".conf");
        Files.writeString(file, large.toString(), StandardCharsets.UTF_8);
        List<String> styledAtOnce = new ArrayList<>();
        robot.interact(() -> {
            window.open(file);
            // In the same FX task as the load, so no analysis can have been shown yet: all plain.
            for (int i = 0; i < editor.length() && styledAtOnce.size() < 5; i += 7) {
                if (!editor.styleClassesAt(i).isEmpty()) {
                    styledAtOnce.add(i + ": " + editor.styleClassesAt(i));
                }
            }
        });
        assertEquals(List.of(), styledAtOnce, "a large file is shown plain until its analysis");
        FxWait.until("analysis of the large file", 120, () -> editor.analysisProperty().get() != null
                && editor.analysisProperty().get().text().length() == editor.length()
                && editor.analysisProperty().get().path().equals(file.toAbsolutePath().normalize()));
        assertEquals(List.of(), FxWait.fx(() -> styleMismatches(editor)));
    }
}
