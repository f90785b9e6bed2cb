package dev.handshake.ui;

import java.nio.file.Path;
import javafx.stage.FileChooser;

/** The file chooser for nginx configs, opening in the folder of the file at hand. */
final class Choosers {

    private Choosers() {
    }

    /** A chooser titled {@code title} for {@code *.conf} files, in the folder of {@code near} when given. */
    static FileChooser config(String title, Path near) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("nginx config", "*.conf", "nginx.conf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (near != null && near.getParent() != null) {
            chooser.setInitialDirectory(near.getParent().toFile());
        }
        return chooser;
    }
}
