package dev.handshake.ui.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks the nginx executable chosen in the settings (Test with nginx and the save review's {@code nginx -t}). */
public final class NginxExecutable {

    private NginxExecutable() {
    }

    /**
     * Why {@code typed} cannot be run as nginx, as the end of a sentence ("does not exist", "is a folder",
     * "is not executable"); empty when it can, and when it is blank (nginx is then looked for on the PATH).
     */
    public static Optional<String> problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(typed.trim());
        } catch (InvalidPathException e) {
            return Optional.of("is not a file name");
        }
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder");
        }
        if (!Files.isExecutable(file)) {
            return Optional.of("is not executable");
        }
        return Optional.empty();
    }
}
