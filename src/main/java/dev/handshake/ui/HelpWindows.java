package dev.handshake.ui;

import dev.handshake.lint.Rule;
import dev.handshake.lint.rules.Rules;
import dev.handshake.report.BuildInfo;
import dev.handshake.ui.editor.RuleDocWindow;
import dev.handshake.ui.theme.Themes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help: the keyboard shortcuts (read from the menus, so never out of date), the rule index, About. */
final class HelpWindows {

    /** Ways to run a command that are no keys. */
    static final List<String> EXTRA_SHORTCUTS = List.of("right-click, gutter lightbulb\tShow Quick Fixes",
            "F7 / Shift+F7, Alt+Down / Alt+Up\tNext / Previous Change (in the save review)");

    static final String COMPONENTS = String.join("\n",
            "Handshake " + BuildInfo.version() + ", Apache License 2.0.",
            "",
            "Bundled components:",
            "  OpenJFX 21 (JavaFX): GPL 2.0 with the Classpath Exception",
            "  RichTextFX, Flowless, ReactFX, UndoFX, WellBehavedFX: BSD 2-Clause",
            "  Jackson: Apache License 2.0",
            "  java-diff-utils: Apache License 2.0",
            "  nginx directive reference (@nginx/reference-lib): Apache License 2.0",
            "",
            "Works offline: a config never leaves this machine.");

    private HelpWindows() {
    }

    /**
     * "Ctrl+S<TAB>Save" for every menu item with a shortcut, in menu order, its other keys after a comma
     * ("Alt+Enter, Ctrl+.<TAB>Show Quick Fixes"), then the extra ones.
     */
    static List<String> shortcuts(MenuBar bar) {
        List<String> rows = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, rows);
        }
        rows.addAll(EXTRA_SHORTCUTS);
        return rows;
    }

    private static void collect(Menu menu, List<String> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, rows);
            } else if (item.getAccelerator() != null) {
                List<String> keys = new ArrayList<>(List.of(display(item.getAccelerator())));
                if (item.getProperties().get(Action.ALTERNATES) instanceof List<?> alternates) {
                    alternates.forEach(key -> keys.add(display((KeyCombination) key)));
                }
                rows.add(String.join(", ", keys) + "\t" + item.getText());
            }
        }
    }

    private static String display(KeyCombination key) {
        return key.getDisplayText().replace("↵", "Enter");
    }

    /** The shortcuts as a two-column table, keys and command (tab-separated text did not line up). */
    static Stage showShortcuts(Window owner, MenuBar bar) {
        TableView<List<String>> table = new TableView<>();
        table.setId("help-shortcuts");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (String title : List.of("Keys", "Command")) {
            int column = table.getColumns().size();
            TableColumn<List<String>, String> keys = new TableColumn<>(title);
            keys.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            keys.setSortable(false);
            keys.setPrefWidth(column == 0 ? 240 : 300);
            table.getColumns().add(keys);
        }
        for (String row : shortcuts(bar)) {
            int tab = row.indexOf('\t');
            table.getItems().add(List.of(row.substring(0, tab), row.substring(tab + 1)));
        }
        return show(owner, "Keyboard Shortcuts", new VBox(table), 600, 640);
    }

    static Stage showRuleIndex(Window owner) {
        ListView<String> rules = new ListView<>();
        rules.setId("help-rules");
        for (Rule rule : Rules.all()) {
            rules.getItems().add(rule.meta().id() + " — " + rule.meta().summary());
        }
        Runnable open = () -> {
            String chosen = rules.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                RuleDocWindow.show(owner, chosen.substring(0, chosen.indexOf(' ')));
            }
        };
        rules.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        rules.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
        VBox box = new VBox(6, new Label("Double-click or Enter opens a rule's documentation."), rules);
        VBox.setVgrow(rules, Priority.ALWAYS);
        return show(owner, "Rules", box, 720, 520);
    }

    static Stage showAbout(Window owner) {
        TextArea text = new TextArea(COMPONENTS);
        text.setId("help-about");
        text.setEditable(false);
        text.setWrapText(true);
        return show(owner, "About Handshake", new VBox(text), 560, 320);
    }

    private static Stage show(Window owner, String title, VBox content, double width, double height) {
        content.setStyle("-fx-padding: 10;");
        VBox.setVgrow(content.getChildren().get(content.getChildren().size() - 1), Priority.ALWAYS);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title + " — Handshake");
        Scene scene = new Scene(content, width, height);
        stage.setScene(scene);
        // Escape closes it, like a dialog (without a window manager's title bar there is no other way).
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });

        Themes.apply(content, owner);
        stage.show();
        return stage;
    }
}
