package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.text.TextRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Included files open in tabs of their own; the window follows the selected tab. */
@ExtendWith(ApplicationExtension.class)
class EditorTabsFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final String MAIN = "http {\n    proxy_ssl_verify off;\n    include inc.conf;\n}\n";
    private static final String INCLUDED = "server { listen 81; }\n";

    @TempDir
    Path dir;

    private MainWindow window;
    private Path main;
    private Path included;

    @Start
    void start(Stage stage) throws Exception {
        main = dir.resolve("nginx.conf");
        included = dir.resolve("inc.conf");
        Files.writeString(main, MAIN);
        Files.writeString(included, INCLUDED);
        window = TestWindows.open(stage, TestRules.linter(), main);
        window.settings().apply(window.settings().current().withReviewBeforeSave(false));
    }

    @AfterEach
    void close() throws Exception {
        TestWindows.close(window);
    }

    private List<String> problemLocations() throws Exception {
        return FxWait.fx(() -> window.problems().visibleRows().stream().map(ProblemsPanel.Problem::location).toList());
    }

    private List<String> tabTitles() throws Exception {
        return FxWait.fx(() -> window.tabs().all().stream().map(d -> d.tab().getText()).toList());
    }

    private void openIncludedFromTree(FxRobot robot) throws Exception {
        FxWait.until("include tree shows inc.conf", () -> robot.lookup(".tree-cell")
                .match(n -> n instanceof TreeCell<?> c && c.getItem() != null && "inc.conf".equals(c.getText()))
                .tryQuery().isPresent());
        Node cell = robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.getItem() != null && "inc.conf".equals(c.getText())).query();
        robot.doubleClickOn(cell);
    }

    @Test
    void includedFileOpensInItsOwnTabAndSavesAlone(FxRobot robot) throws Exception {
        FxWait.until("main finding listed", () -> problemLocations().equals(List.of("nginx.conf:2")));
        openIncludedFromTree(robot);
        FxWait.until("second tab", () -> tabTitles().equals(List.of("nginx.conf", "inc.conf")));
        assertEquals(INCLUDED, FxWait.fx(window.editor()::text));
        assertEquals(included.toAbsolutePath().normalize(), FxWait.fx(() -> window.editor().pathProperty().get()));

        robot.interact(() -> window.editor().replaceRange(TextRange.at(INCLUDED.indexOf("listen")), "proxy_ssl_verify off; "));
        FxWait.until("only the included tab is modified", () -> tabTitles().equals(List.of("nginx.conf", "*inc.conf")));
        assertEquals("*inc.conf — Handshake", FxWait.fx(() -> window.stage().getTitle()));
        FxWait.until("Problems follow the included tab, in the main config's context", () -> problemLocations().equals(List.of("nginx.conf:2", "inc.conf:1")));

        Node mainTab = robot.lookup(".tab .tab-label").match(n -> n instanceof Labeled l && "nginx.conf".equals(l.getText())).query();
        robot.clickOn(mainTab);
        FxWait.until("main tab selected", () -> main.toAbsolutePath().normalize().equals(window.editor().pathProperty().get()));
        FxWait.until("Problems show the main config's findings, the unsaved include's among them",
                () -> problemLocations().equals(List.of("nginx.conf:2", "inc.conf:1")));
        assertEquals("nginx.conf — Handshake", FxWait.fx(() -> window.stage().getTitle()));
        assertEquals(MAIN, FxWait.fx(window.editor()::text));

        openIncludedFromTree(robot);
        FxWait.until("the open tab is selected again", () -> window.editor().pathProperty().get()
                .equals(included.toAbsolutePath().normalize()));
        assertEquals(2, FxWait.fx(() -> window.tabs().all().size()), "no third tab");
        assertEquals("server { proxy_ssl_verify off; listen 81; }\n", FxWait.fx(window.editor()::text), "edit kept");

        robot.interact(window.editor()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until("saved", () -> tabTitles().equals(List.of("nginx.conf", "inc.conf")));
        assertEquals("server { proxy_ssl_verify off; listen 81; }\n", Files.readString(included));
        assertEquals(MAIN, Files.readString(main), "the main file is untouched");
    }

    @Test
    void closingAModifiedTabAsksAndCancelKeepsIt(FxRobot robot) throws Exception {
        openIncludedFromTree(robot);
        FxWait.until("second tab", () -> tabTitles().size() == 2);
        robot.interact(() -> window.editor().replaceAll("server { listen 82; }\n"));
        FxWait.until("modified", () -> tabTitles().get(1).equals("*inc.conf"));
        robot.interact(() -> javafx.application.Platform.runLater(window::closeFile));
        FxWait.until("asked", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Save changes to inc.conf?", FxWait.fx(ask::getHeaderText));
        robot.clickOn(robot.from(ask).lookup(".button").match(n -> n instanceof Button b && "Cancel".equals(b.getText()))
                .queryButton());
        FxWait.until("dialog gone", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(List.of("nginx.conf", "*inc.conf"), tabTitles());

        robot.interact(() -> javafx.application.Platform.runLater(window::closeFile));
        FxWait.until("asked again", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane again = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(robot.from(again).lookup(".button").match(n -> n instanceof Button b && "Don't Save".equals(b.getText()))
                .queryButton());
        FxWait.until("tab closed", () -> tabTitles().equals(List.of("nginx.conf")));
        assertEquals(INCLUDED, Files.readString(included), "nothing written");
        assertFalse(FxWait.fx(() -> window.editor().modifiedProperty().get()));
        assertTrue(FxWait.fx(() -> window.editor().text().equals(MAIN)));
    }

    @Test
    void aFindingInAnIncludedFileOpensItsTab(FxRobot robot) throws Exception {
        Files.writeString(included, "proxy_ssl_verify off;\n");
        robot.interact(() -> window.editor().replaceAll(MAIN + "\n"));
        FxWait.until("the included file's finding is listed", () -> problemLocations().contains("inc.conf:1"));
        ProblemsPanel.Problem row = FxWait.fx(() -> window.problems().visibleRows().stream()
                .filter(p -> p.location().equals("inc.conf:1")).findFirst().orElseThrow());
        robot.interact(() -> window.jump(row.diagnostic()));
        FxWait.until("its own tab", () -> tabTitles().equals(List.of("*nginx.conf", "inc.conf")));
        assertEquals(included.toAbsolutePath().normalize(), FxWait.fx(() -> window.editor().pathProperty().get()));
        assertEquals(row.diagnostic().range().end(), FxWait.fx(() -> window.editor().caretProperty().get()));
    }

    @Test
    void aFindingInACrlfIncludedFileSelectsItsDirective(FxRobot robot) throws Exception {
        Files.writeString(included, "# first\r\n# second\r\n\r\nproxy_ssl_verify off;\r\n");
        robot.interact(() -> window.editor().replaceAll(MAIN + "\n"));
        FxWait.until("the included file's finding is listed", () -> problemLocations().contains("inc.conf:4"));
        ProblemsPanel.Problem row = FxWait.fx(() -> window.problems().visibleRows().stream()
                .filter(p -> p.location().equals("inc.conf:4")).findFirst().orElseThrow());
        robot.interact(() -> window.jump(row.diagnostic()));
        FxWait.until("its own tab", () -> tabTitles().equals(List.of("*nginx.conf", "inc.conf")));
        TextRange range = row.diagnostic().range();
        String shown = FxWait.fx(() -> window.editor().text());
        assertEquals("# first\n# second\n\nproxy_ssl_verify off;\n", shown, "the tab shows the file with \\n breaks");
        assertEquals("proxy_ssl_verify off;", shown.substring(range.start(), range.end()));
        assertEquals(range.end(), FxWait.fx(() -> window.editor().caretProperty().get()));
    }

    @Test
    void anIncludedTabShowsItsFindingsInTheMainConfigsContextAndTheMainTabFollowsItsEdits(FxRobot robot)
            throws Exception {
        FxWait.until("main finding listed", () -> problemLocations().equals(List.of("nginx.conf:2")));
        openIncludedFromTree(robot);
        FxWait.until("second tab", () -> tabTitles().equals(List.of("nginx.conf", "inc.conf")));
        FxWait.until("analysed in the main config's context", () -> {
            var analysis = window.editor().analysisProperty().get();
            return analysis != null && analysis.lint() != null
                    && analysis.lint().model().main().path().equals(main.toAbsolutePath().normalize());
        });

        robot.interact(() -> window.editor().replaceRange(TextRange.at(INCLUDED.indexOf("listen")), "proxy_ssl_verify off; "));
        FxWait.until("the included tab lists its own finding", () -> problemLocations().equals(List.of("nginx.conf:2", "inc.conf:1")));
        Document mainDocument = FxWait.fx(() -> window.tabs().all().get(0));
        FxWait.until("the main tab re-analysed with the unsaved include", () -> FxWait.fx(() ->
                mainDocument.editor().analysisProperty().get().lint().in(included.toAbsolutePath().normalize()).size()) == 1);

        // Its quick fixes too: Alt+Enter on the finding in the included tab offers and applies the fix there.
        String edited = "server { proxy_ssl_verify off; listen 81; }\n";
        robot.interact(() -> window.editor().moveCaret(edited.indexOf("off")));
        robot.interact(window.editor()::requestFocus);
        robot.press(KeyCode.ALT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.ALT);
        FxWait.until("the included tab offers the finding's fix", () -> robot.lookup(".preferred-fix").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until("applied in the included tab", () -> window.editor().text().equals(edited.replace("off", "on")));
        assertEquals(MAIN, FxWait.fx(mainDocument.editor()::text), "the main tab is untouched");

        robot.interact(() -> window.editor().replaceAll(INCLUDED));
        robot.interact(window.editor()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until("after saving the include, the main tab has no stale finding in it", () -> FxWait.fx(() ->
                mainDocument.editor().analysisProperty().get().lint().in(included.toAbsolutePath().normalize()).isEmpty()));
        assertEquals(INCLUDED, Files.readString(included));
    }

    @Test
    void fixAllAppliesToTheIncludedFileInItsOwnTabUnsaved(FxRobot robot) throws Exception {
        String include = "server { proxy_ssl_verify off; listen 81; }\n";
        Files.writeString(included, include);
        robot.interact(() -> window.editor().replaceAll(MAIN + "\n"));
        FxWait.until("both findings listed", () -> problemLocations().equals(List.of("nginx.conf:2", "inc.conf:1")));
        robot.interact(() -> window.tabs().current().quickFixes().fixAllSafe());
        FxWait.until("the include opened in its own tab, modified", () -> tabTitles().equals(List.of("*nginx.conf", "*inc.conf")));
        assertEquals(main.toAbsolutePath().normalize(), FxWait.fx(() -> window.editor().pathProperty().get()),
                "the main tab stays selected");
        assertEquals("http {\n    proxy_ssl_verify on;\n    include inc.conf;\n}\n\n", FxWait.fx(window.editor()::text));
        Document includeTab = FxWait.fx(() -> window.tabs().find(included.toAbsolutePath().normalize()).orElseThrow());
        assertEquals("server { proxy_ssl_verify on; listen 81; }\n", FxWait.fx(includeTab.editor()::text));
        assertEquals(include, Files.readString(included), "nothing written before a save");
        assertTrue(FxWait.fx(() -> robot.lookup("#status-message").queryLabeled().getText())
                .endsWith("(open in their tabs, unsaved: File > Save All reviews them together)"), "the way to save them is named");
        robot.interact(() -> includeTab.editor().undo());
        assertEquals(include, FxWait.fx(includeTab.editor()::text), "one undo step per file");
    }

    @Test
    void openAddsATabNewAddsAnUntitledOneAndAPristineBufferIsReplaced(FxRobot robot) throws Exception {
        Path other = Files.writeString(dir.resolve("other.conf"), "events {}\n");
        robot.interact(() -> assertTrue(window.openFromUser(other)));
        assertEquals(List.of("nginx.conf", "other.conf"), tabTitles(), "the open file keeps its tab");
        robot.interact(window.actionTable().get("action-new")::run);
        assertEquals(List.of("nginx.conf", "other.conf", "untitled.conf"), tabTitles());
        robot.interact(() -> assertTrue(window.openFromUser(included)));
        assertEquals(List.of("nginx.conf", "other.conf", "inc.conf"), tabTitles(), "the untouched untitled tab is replaced");
        robot.interact(() -> assertTrue(window.openFromUser(other)));
        assertEquals(3, FxWait.fx(() -> window.tabs().all().size()), "an open file's tab is selected, not doubled");
        assertEquals(other.toAbsolutePath().normalize(), FxWait.fx(() -> window.editor().pathProperty().get()));

        Path sameName = Files.writeString(Files.createDirectories(dir.resolve("large")).resolve("nginx.conf"), "events {}\n");
        robot.interact(() -> assertTrue(window.openFromUser(sameName)));
        assertEquals(List.of("nginx.conf", "other.conf", "inc.conf", "nginx.conf"), tabTitles());
        assertEquals(List.of(main.toAbsolutePath().normalize().toString(), sameName.toAbsolutePath().normalize().toString()),
                FxWait.fx(() -> window.tabs().all().stream().filter(d -> d.name().equals("nginx.conf"))
                        .map(d -> d.tab().getTooltip().getText()).toList()),
                "two tabs called nginx.conf tell their files apart by their tooltip");
        robot.interact(window.actionTable().get("action-new")::run);
        assertEquals("untitled.conf (not saved yet)", FxWait.fx(() -> window.tabs().current().tab().getTooltip().getText()));
    }

    @Test
    void whileANewFileIsAnalysedNothingOfThePreviousOneStaysOnScreen(FxRobot robot) throws Exception {
        FxWait.until("main finding listed", () -> problemLocations().equals(List.of("nginx.conf:2")));
        Path other = Files.writeString(dir.resolve("other.conf"), "events {}\n");
        List<Object> during = FxWait.fx(() -> {
            window.openFromUser(other);
            return List.of(window.problems().visibleRows().size(), window.status().busy(),
                    window.includes().view().getRoot() == null);
        });
        assertEquals(List.of(0, true, true), during, "no rows, a spinner, no tree until the analysis arrives");
        FxWait.until("analysed", () -> !window.status().busy());
        assertEquals(List.of(), problemLocations());
        assertEquals("other.conf", FxWait.fx(() -> window.includes().view().getRoot().getValue().label()));
    }

    @Test
    void saveAllReviewsEveryFileAFixChangedInOneDialog(FxRobot robot) throws Exception {
        String include = "server { proxy_ssl_verify off; listen 81; }\n";
        Files.writeString(included, include);
        robot.interact(() -> window.settings().apply(window.settings().current().withReviewBeforeSave(true)));
        FxWait.until("both findings listed", () -> problemLocations().equals(List.of("nginx.conf:2", "inc.conf:1")));
        robot.interact(() -> window.tabs().current().quickFixes().fixAllSafe());
        FxWait.until("both files changed, unsaved", () -> tabTitles().equals(List.of("*nginx.conf", "*inc.conf")));

        robot.interact(() -> javafx.application.Platform.runLater(window.actionTable().get("action-save-all")::run));
        FxWait.until("one review for both files", () -> robot.lookup("#review-files").tryQuery().isPresent());
        javafx.scene.control.TabPane files = robot.lookup("#review-files").queryAs(javafx.scene.control.TabPane.class);
        assertEquals(List.of("nginx.conf", "inc.conf"), FxWait.fx(() -> files.getTabs().stream().map(t -> t.getText()).toList()),
                "every changed file is listed");
        String header = FxWait.fx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText());
        assertEquals("Review the changes to 2 files before saving: nginx.conf, inc.conf", header);
        for (javafx.scene.control.Tab tab : FxWait.fx(() -> List.copyOf(files.getTabs()))) {
            Node page = tab.getContent();
            assertEquals("1 of 1 change will be saved", FxWait.fx(() -> robot.from(page).lookup("#review-summary")
                    .queryLabeled().getText()), tab.getText() + " shows its own diff");
        }
        robot.interact(() -> files.getSelectionModel().select(1));
        Node includePage = FxWait.fx(() -> files.getTabs().get(1).getContent());
        robot.clickOn(robot.from(includePage).lookup("#keep-hunk-0").queryAs(javafx.scene.control.CheckBox.class));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && "Save".equals(b.getText()))
                .queryButton());
        FxWait.until("both saved", () -> tabTitles().equals(List.of("nginx.conf", "inc.conf")));
        assertEquals(MAIN.replace("verify off", "verify on"), Files.readString(main));
        assertEquals(include, Files.readString(included), "the include's change was not kept");
        Document includeTab = FxWait.fx(() -> window.tabs().find(included.toAbsolutePath().normalize()).orElseThrow());
        assertEquals(include, FxWait.fx(includeTab.editor()::text), "the buffer holds what was saved");
    }
}
