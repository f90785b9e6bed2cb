package dev.handshake.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** How paths are shown: relative to the working directory when inside it, else absolute. */
public final class PathStyle {

    private final Path workingDirectory;

    public PathStyle(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The path as text for people, with {@code /} separators. */
    public String display(Path path) {
        Path normal = absolute(path);
        if (normal.equals(workingDirectory)) {
            return ".";
        }
        Path shown = normal.startsWith(workingDirectory) ? workingDirectory.relativize(normal) : normal;
        return shown.toString().replace('\\', '/');
    }

    /** A SARIF artifact URI: relative (percent-encoded) inside the working directory, else {@code file:}. */
    public String uri(Path path) {
        Path normal = absolute(path);
        if (normal.startsWith(workingDirectory) && !normal.equals(workingDirectory)) {
            try {
                return new URI(null, null, display(normal), null).toASCIIString();
            } catch (URISyntaxException e) {
                return normal.toUri().toASCIIString();
            }
        }
        return normal.toUri().toASCIIString();
    }

    /** The normalised absolute form of {@code path} (relative paths start at the working directory). */
    public Path absolute(Path path) {
        return (path.isAbsolute() ? path : workingDirectory.resolve(path)).normalize();
    }
}
