package dev.handshake.ui;

import dev.handshake.lint.Linter;
import dev.handshake.lint.RuleMeta;
import dev.handshake.lint.Rule;
import dev.handshake.ui.settings.Appearance;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.settings.SettingsDialog;
import dev.handshake.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's settings: read once at start (a bad file costs a status message, never the app), put
 * live on the editor (rules, severities, CA for the analysis; theme; font size), edited in the
 * settings dialog and written back atomically.
 */
final class SettingsControl {

    private final MainWindow window;
    private final SettingsStore store;
    private final Linter base;
    private final Consumer<String> say;
    private Settings current;

    SettingsControl(MainWindow window, SettingsStore store, Consumer<String> say) {
        this.window = window;
        this.store = store;
        this.base = window.editor().linter();
        this.say = say;
        SettingsStore.Loaded loaded = store.load();
        current = loaded.settings();
        if (!loaded.warnings().isEmpty()) {
            // After the start-up file has opened (which clears the status message), so it stays seen.
            String warning = String.join("; ", loaded.warnings());
            javafx.application.Platform.runLater(() -> say.accept(warning));
        }
    }

    Settings current() {
        return current;
    }

    /** Puts the current settings on the window: a fresh analysis with the chosen rules, theme, font. */
    void apply() {
        window.editor().setLinter(new Linter(base.rules(), current.lintOptions(base.options())));
        window.setReviewBeforeSave(current.reviewBeforeSave());
        Appearance.apply(window.stage().getScene(), current, window.editor().node());
    }

    /** Edit > Settings…: shows the dialog; OK applies and saves. */
    void edit() {
        List<RuleMeta> metas = base.rules().stream().map(Rule::meta).toList();
        new SettingsDialog(window.stage(), current, metas).showAndWait().ifPresent(this::change);
    }

    /** Applies and saves {@code chosen}; a failed save is reported, the change still holds for this run. */
    void change(Settings chosen) {
        current = chosen;
        apply();
        try {
            store.save(chosen);
            say.accept("Settings saved");
        } catch (IOException e) {
            say.accept("Settings apply now but could not be saved to " + store.file() + ": " + e.getMessage());
        }
    }
}
