package dev.handshake.ui.settings;

import java.net.URL;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import org.fxmisc.richtext.GenericStyledArea;

/** Puts the theme and the editor font size of {@link Settings} on a scene, live. */
public final class Appearance {

    /** The dark theme: laid over the light stylesheet, overriding its colours. */
    public static final String DARK_STYLESHEET = "/ui/handshake-dark.css";

    private static final Color LIGHT_LINE = Color.web("#eef4fb");
    private static final Color DARK_LINE = Color.web("#2a2f36");

    private Appearance() {
    }

    /**
     * Applies {@code settings} to {@code scene} and every editor in it or under {@code editors} (a
     * split pane shows its items only once laid out, so the editors are best passed in).
     */
    public static void apply(Scene scene, Settings settings, Node... editors) {
        URL dark = Appearance.class.getResource(DARK_STYLESHEET);
        if (dark != null) {
            String sheet = dark.toExternalForm();
            scene.getStylesheets().remove(sheet);
            if (settings.theme() == Theme.DARK) {
                scene.getStylesheets().add(sheet);
            }
        }
        java.util.Set<Node> areas = new java.util.LinkedHashSet<>();
        if (scene.getRoot() != null) {
            areas.addAll(scene.getRoot().lookupAll(".config-editor"));
        }
        for (Node editor : editors) {
            areas.addAll(editor.lookupAll(".config-editor"));
        }
        for (Node node : areas) {
            node.setStyle("-fx-font-size: " + settings.fontSize() + "px;");
            if (node instanceof GenericStyledArea<?, ?, ?> area) {
                // The current-line fill is a property of the area, not a CSS value.
                area.setLineHighlighterFill(settings.theme() == Theme.DARK ? DARK_LINE : LIGHT_LINE);
            }
        }
    }

    /** True when {@code scene} shows the dark theme. */
    public static boolean isDark(Scene scene) {
        URL dark = Appearance.class.getResource(DARK_STYLESHEET);
        return dark != null && scene.getStylesheets().contains(dark.toExternalForm());
    }
}
