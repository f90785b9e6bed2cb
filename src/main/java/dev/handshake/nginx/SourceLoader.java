package dev.handshake.nginx;

import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the files of a configuration come from: the disk, an editor buffer that has not been saved, or
 * the sections of an {@code nginx -T} dump ({@link NginxDumpLoader}). Include resolution asks the loader
 * whether a file exists and which files a glob may match, so a loader that is not the disk never has
 * the disk consulted behind its back.
 */
@FunctionalInterface
public interface SourceLoader {

    SourceText load(Path file) throws IOException;

    /** Whether {@code file} (absolute, normalised) is there to be included; on disk by default. */
    default boolean exists(Path file) {
        return Files.exists(file);
    }

    /**
     * The files (not folders) under {@code directory} at most {@code depth} levels down, absolute and
     * normalised, in no particular order: the candidates a glob include is matched against. None when
     * {@code directory} is not a directory. On disk by default.
     */
    default List<Path> files(Path directory, int depth) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory, depth)) {
            // Not only regular files: a FIFO or device a glob reaches is reported as unreadable, not skipped.
            return walk.filter(p -> !Files.isDirectory(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .collect(Collectors.toList());
        }
    }


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

    /**
     * Texts in {@code buffers} (by normalised absolute path) win over {@code fallback}; a buffer exists
     * even when no file does. Globs match {@code fallback}'s files only.
     */
    static SourceLoader overlay(Map<Path, SourceText> buffers, SourceLoader fallback) {
        return new SourceLoader() {
            @Override
            public SourceText load(Path file) throws IOException {
                SourceText open = buffers.get(file.toAbsolutePath().normalize());
                return open != null ? open : fallback.load(file);
            }

            @Override
            public boolean exists(Path file) {
                return buffers.containsKey(file.toAbsolutePath().normalize()) || fallback.exists(file);
            }

            @Override
            public List<Path> files(Path directory, int depth) throws IOException {
                return fallback.files(directory, depth);
            }
        };
    }
}
