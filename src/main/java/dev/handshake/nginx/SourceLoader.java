package dev.handshake.nginx;

import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Gives the text of a configuration file: from disk, or from an editor buffer that has not been saved. */
@FunctionalInterface
public interface SourceLoader {

    SourceText load(Path file) throws IOException;

    /** Files larger than this are not read (the same 64 MiB the command line and editor refuse). */
    long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Reads regular files from disk, up to {@link #MAX_BYTES}; a FIFO, device or directory is refused
     * unread, and a file reporting size 0 (as /proc's endless files do) is read as empty.
     */
    static SourceLoader fileSystem() {
        return file -> {
            java.nio.file.attribute.BasicFileAttributes attributes =
                    Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new IOException("not a regular file (a directory, FIFO or device); not read");
            }
            if (attributes.size() > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not read");
            }
            if (attributes.size() == 0) {
                return SourceText.decode(new byte[0]);
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                return SourceText.decode(in.readNBytes((int) attributes.size()));
            }
        };
    }

    /** Texts in {@code buffers} (by normalised absolute path) win over the disk. */
    static SourceLoader overlay(Map<Path, SourceText> buffers, SourceLoader fallback) {
        return file -> {
            SourceText open = buffers.get(file.toAbsolutePath().normalize());
            return open != null ? open : fallback.load(file);
        };
    }
}
