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

    /** Reads files from disk. */
    static SourceLoader fileSystem() {
        return file -> SourceText.decode(Files.readAllBytes(file));
    }

    /** Texts in {@code buffers} (by normalised absolute path) win over the disk. */
    static SourceLoader overlay(Map<Path, SourceText> buffers, SourceLoader fallback) {
        return file -> {
            SourceText open = buffers.get(file.toAbsolutePath().normalize());
            return open != null ? open : fallback.load(file);
        };
    }
}
