package dev.handshake.report;

import java.nio.file.Path;

/**
 * One path that was asked for: checked, or not readable.
 *
 * @param path  the file as given or found in a given directory
 * @param error one line naming the path when it could not be read, else {@code null}
 */
public record FileStatus(Path path, String error) {

    public boolean ok() {
        return error == null;
    }
}
