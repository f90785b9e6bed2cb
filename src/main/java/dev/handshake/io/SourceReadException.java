package dev.handshake.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file could not be opened as a config; the message is one line that names the path. */
public final class SourceReadException extends IOException {

    /** Why the file could not be read. */
    public enum Kind { NOT_FOUND, NOT_A_FILE, UNREADABLE, BINARY, TOO_LARGE }

    private final Kind kind;
    private final Path path;

    public SourceReadException(Kind kind, Path path, String message) {
        super(path + ": " + message);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }
}
