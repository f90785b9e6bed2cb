package dev.handshake.ui;

import dev.handshake.lint.Linter;
import dev.handshake.lint.rules.Rules;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.settings.SettingsDialog;
import dev.handshake.ui.settings.SettingsStore;
import java.io.IOException;
import javafx.collections.ObservableList;

/** Applies the user's settings to the window, and edits and stores them (Edit > Settings). */
final class SettingsActions {

    private final MainWindow window;
    private final SettingsStore store;
    private Settings current = Settings.defaults();

    /** @param store where settings persist, or {@code null} to keep them for this session only */
    SettingsActions(MainWindow window, SettingsStore store) {
        this.window = window;
        this.store = store;
    }

    Settings current() {
        return current;
    }

    /** Loads the stored settings and applies them. */
    void loadAndApply() {
        // A warning is shown once the start-up file has opened (opening clears the status message).
        apply(store != null ? store.load(warning -> javafx.application.Platform.runLater(() -> window.showStatus(warning)))
                : Settings.defaults());
    }

    void apply(Settings settings) {
        current = settings;
        window.tabs().setLinter(Linter.standard(settings.lintOptions()));
        window.setReviewBeforeSave(settings.reviewBeforeSave());
        window.setBackupOnSave(settings.backup());
        window.tabs().setFontSize(settings.fontSize());
        ObservableList<String> classes = window.stage().getScene().getRoot().getStyleClass();
        classes.remove(Settings.DARK);
        if (Settings.DARK.equals(settings.theme())) {
            classes.add(Settings.DARK);
        }
    }

    /** Shows the settings dialog; OK stores and applies, Cancel changes nothing. */
    void edit() {
        new SettingsDialog(window.stage(), current, Rules.all()).showAndWait().ifPresent(chosen -> {
            if (store != null) {
                try {
                    store.save(chosen);
                } catch (IOException e) {
                    window.error("Cannot save settings", e.getMessage());
                }
            }
            apply(chosen);
        });
    }
}
