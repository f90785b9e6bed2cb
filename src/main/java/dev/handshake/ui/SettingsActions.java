package dev.handshake.ui;

import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Linter;
import dev.handshake.lint.Rule;
import dev.handshake.lint.rules.Rules;
import dev.handshake.ui.settings.Settings;
import dev.handshake.ui.settings.SettingsDialog;
import dev.handshake.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;

/**
 * The user's settings as one observable value that documents and the window follow (nothing copies
 * them), the linter they ask for, and Edit > Settings, which edits and stores them.
 */
final class SettingsActions {

    private final Window owner;
    private final Consumer<String> say;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(Settings.defaults());
    private final ReadOnlyObjectWrapper<Linter> linter;
    private List<Rule> rules;
    private SettingsStore store;

    /**
     * @param initial the linter until settings are {@linkplain #use used} (its rules stay, its options
     *                follow the settings)
     * @param say     where a warning about the settings file is shown
     */
    SettingsActions(Linter initial, Window owner, Consumer<String> say) {
        this.owner = owner;
        this.say = say;
        this.rules = initial.rules();
        this.linter = new ReadOnlyObjectWrapper<>(initial);
    }

    /** The settings in force; changes when the user (or a test) applies others. */
    ReadOnlyObjectProperty<Settings> property() {
        return settings.getReadOnlyProperty();
    }

    /** The linter the settings ask for: replaced only when the rules or their options change. */
    ReadOnlyObjectProperty<Linter> linterProperty() {
        return linter.getReadOnlyProperty();
    }

    Settings current() {
        return settings.get();
    }

    /** The app's settings: the standard rules, shaped by what {@code stored} holds; later changes are kept there. */
    void use(SettingsStore stored) {
        store = stored;
        rules = Rules.all();
        // A warning is shown once the start-up file has opened (opening clears the status message).
        apply(stored.load(warning -> Platform.runLater(() -> say.accept(warning))));
    }

    /** Puts {@code chosen} in force (not stored): every open document and the window follow. */
    void apply(Settings chosen) {
        LintOptions wanted = chosen.lintOptions();
        Linter now = linter.get();
        if (!now.rules().equals(rules) || !now.options().equals(wanted)) {
            linter.set(new Linter(rules, wanted));
        }
        settings.set(chosen);
    }

    /** Shows the settings dialog; OK stores and applies, Cancel changes nothing. */
    void edit() {
        new SettingsDialog(owner, current(), Rules.all()).showAndWait().ifPresent(chosen -> {
            if (store != null) {
                try {
                    store.save(chosen);
                } catch (IOException e) {
                    Alerts.error(owner, "Cannot save settings", e.getMessage());
                }
            }
            apply(chosen);
        });
    }
}
