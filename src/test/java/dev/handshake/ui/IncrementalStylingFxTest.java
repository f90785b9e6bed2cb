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

    @Test
    void stylesOnScreenEqualAFreshAnalysisAfterRandomEdits(FxRobot robot) throws Exception {
        ConfigEditor editor = window.editor();
        Random random = new Random(42);
        List<String> pieces = List.of("#", "\"", "'", "{", "}", ";", " off", "$var", "\n", "x", "location ~ ");
        for (int round = 0; round < 40; round++) {
            List<String> log = new ArrayList<>();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                robot.interact(() -> {
                    int operation = random.nextInt(10);
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
            List<String> mismatches = FxWait.fx(() -> {
                Analysis analysis = editor.analysisProperty().get();
                List<String> found = new ArrayList<>();
                int offset = 0;
                for (StyleRun run : analysis.styles()) {
                    for (int i = offset; i < offset + run.length(); i++) {
                        if (analysis.text().charAt(i) == '\n') {
                            continue; // a line break is not a styled character in the text area
                        }
                        List<String> shown = editor.styleClassesAt(i).stream()
                                .filter(s -> !s.equals("bracket-match")).sorted().toList();
                        List<String> wanted = run.styles().stream().sorted().toList();
                        if (!shown.equals(wanted) && found.size() < 5) {
                            found.add(i + ": shown " + shown + " wanted " + wanted);
                        }
                    }
                    offset += run.length();
                }
                return found;
            });
            assertEquals(List.of(), mismatches, "round " + round + " edits " + log + " text [" + text.replace("\n", "\\n") + "]");
        }
    }
}
