package dev.handshake.ui.theme;

import java.net.URL;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** One way for every dialog, window and popup to look like the window it belongs to. */
public final class Themes {

    /** The style class the window's root carries in the dark theme. */
    public static final String DARK = "dark";

    private static final URL CSS = Themes.class.getResource("/ui/handshake.css");

    private Themes() {
    }

    /** Shows {@code theme} on a main window's root (the one place the dark class is set from settings). */
    public static void show(Parent root, Theme theme) {
        root.getStyleClass().remove(DARK);
        if (theme == Theme.DARK) {
            root.getStyleClass().add(DARK);
        }
    }

    /**
     * Makes {@code dialog} belong to {@code owner} (when it has no owner yet and is not showing) and look
     * like it: the owner's style sheets and theme on the dialog pane. Every dialog of the app goes through here.
     */
    public static <D extends Dialog<?>> D apply(D dialog, Window owner) {
        if (owner != null && dialog.getOwner() == null && !dialog.isShowing()) {
            dialog.initOwner(owner);
        }
        apply(dialog.getDialogPane(), owner);
        return dialog;
    }

    /**
     * Gives {@code root} (a dialog pane, a window's content, a popup's content) the owner's style sheets,
     * or the app's own when the owner has none, and the dark class when the owner is dark.
     */
    public static void apply(Parent root, Window owner) {
        boolean ownerStyled = owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().isEmpty();
        if (ownerStyled) {
            root.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else if (CSS != null && !root.getStylesheets().contains(CSS.toExternalForm())) {
            root.getStylesheets().add(CSS.toExternalForm());
        }
        root.getStyleClass().remove(DARK);
        if (isDark(owner)) {
            root.getStyleClass().add(DARK);
        }
    }

    /** True when {@code owner}'s window shows the dark theme. */
    public static boolean isDark(Window owner) {
        return owner != null && owner.getScene() != null && owner.getScene().getRoot() != null
                && owner.getScene().getRoot().getStyleClass().contains(DARK);
    }
}
