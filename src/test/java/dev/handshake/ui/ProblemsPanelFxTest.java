package dev.handshake.ui;

import static dev.handshake.ui.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.Diagnostic;
import dev.handshake.text.SourceText;
import dev.handshake.ui.editor.Analysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Problems panel applies only what a new analysis changed: a row whose display is unchanged stays
 * (with the moved finding), and after any sequence of edits the rows are those a fresh panel shows.
 */
@ExtendWith(ApplicationExtension.class)
class ProblemsPanelFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final Path FILE = Path.of("problems-panel.conf").toAbsolutePath();

    private ProblemsPanel panel;

    @Start
    void start(Stage stage) {
        panel = new ProblemsPanel(d -> { });
        stage.setScene(new Scene((javafx.scene.Parent) panel.node(), 900, 500));
        stage.show();
    }

    private static Analysis analyse(String text) {
        return Analysis.run(1, FILE, SourceText.of(text), TestRules.linter(), true);
    }

    @Test
    void anEditAboveAFindingKeepsItsRowAndMovesItsTarget() throws Exception {
        Analysis before = analyse("http {\n    proxy_ssl_verify off;\n}\n");
        fx(() -> {
            panel.show(before);
            return true;
        });
        ProblemsPanel.Problem row = fx(() -> panel.visibleRows().get(0));
        Analysis after = analyse("http  {\n    proxy_ssl_verify off;\n}\n");
        fx(() -> {
            panel.show(after);
            return true;
        });
        List<ProblemsPanel.Problem> rows = fx(panel::visibleRows);
        assertEquals(1, rows.size());
        assertSame(row, rows.get(0), "the unchanged row is not made again");
        Diagnostic moved = after.diagnostics().get(0);
        assertEquals(moved.range(), rows.get(0).diagnostic().range(), "a jump goes to where the finding is now");
        assertEquals(before.diagnostics().get(0).range().start() + 1, moved.range().start());
    }

    @Test
    void afterRandomEditsTheRowsAreThoseOfAFreshPanel() throws Exception {
        Random random = new Random(1111);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(line(random));
        }
        for (int round = 0; round < 60; round++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(5)) {
                case 0 -> lines.add(at, line(random));
                case 1 -> lines.remove(at);
                case 2 -> lines.set(at, "  " + lines.get(at)); // same line, range moved
                case 3 -> lines.addAll(at, List.of(line(random), line(random), line(random)));
                default -> lines.set(at, line(random));
            }
            if (lines.isEmpty()) {
                lines.add(line(random));
            }
            Analysis analysis = analyse("http {\n" + String.join("\n", lines) + "\n}\n");
            fx(() -> {
                panel.show(analysis);
                return true;
            });
            ProblemsPanel fresh = fx(() -> new ProblemsPanel(d -> { }));
            fx(() -> {
                fresh.show(analysis);
                return true;
            });
            assertEquals(describe(fx(fresh::visibleRows)), describe(fx(panel::visibleRows)), "round " + round);
            List<Diagnostic> shown = fx(() -> panel.visibleRows().stream().map(ProblemsPanel.Problem::diagnostic).toList());
            assertEquals(analysis.diagnostics(), shown, "each row holds the new analysis's finding, round " + round);
        }
    }

    @Test
    void cellsShareOneTooltip() throws Exception {
        StringBuilder text = new StringBuilder("http {\n");
        for (int i = 0; i < 12; i++) {
            text.append("    proxy_ssl_verify off;\n");
        }
        Analysis analysis = analyse(text.append("}\n").toString());
        fx(() -> {
            panel.show(analysis);
            return true;
        });
        FxWait.until("rows laid out", () -> panel.node().lookupAll(".table-cell").stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c && c.getTooltip() != null));
        Set<Tooltip> tips = fx(() -> {
            Set<Tooltip> found = new HashSet<>();
            panel.node().lookupAll(".table-cell").forEach(n -> {
                if (n instanceof TableCell<?, ?> c && c.getTooltip() != null) {
                    found.add(c.getTooltip());
                }
            });
            return found;
        });
        assertEquals(1, tips.size(), "one tooltip for every cell, not one per row");
        assertTrue(fx(() -> panel.visibleRows().size()) == 12);
    }

    private static String line(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "    proxy_ssl_verify on;";
            case 1 -> "    # a comment";
            default -> "    proxy_ssl_verify off;";
        };
    }

    private static List<String> describe(List<ProblemsPanel.Problem> rows) {
        return rows.stream().map(p -> p.location() + " " + p.line() + " " + p.diagnostic().severity() + " "
                + p.diagnostic().rule() + " " + p.diagnostic().message() + " " + p.diagnostic().range()).toList();
    }
}
