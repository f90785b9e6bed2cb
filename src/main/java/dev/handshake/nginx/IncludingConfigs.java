package dev.handshake.nginx;

import dev.handshake.syntax.SyntaxTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds, on disk, the config a snippet is loaded from when nothing else says so: the nearest file that
 * includes it, looking in the snippet's own folder and up to {@link #LEVELS} folders above it
 * ({@code /etc/nginx/conf.d/a.conf} finds {@code /etc/nginx/nginx.conf}). In each folder
 * {@code nginx.conf} is tried first, then the other {@code *.conf} files by name.
 */
public final class IncludingConfigs {

    /** How many folders above the snippet's own are searched. */
    public static final int LEVELS = 2;

    /** Folders holding more candidates than this are not read through (a corpus, not a config tree). */
    static final int MAX_CANDIDATES = 40;

    private static final Set<String> MAIN_BLOCKS = Set.of("http", "events", "stream", "mail");

    private IncludingConfigs() {
    }

    /**
     * True when {@code tree} looks like a snippet rather than a main config: no top-level
     * {@code http}, {@code events}, {@code stream} or {@code mail} block (only a snippet is searched for).
     */
    public static boolean looksIncluded(SyntaxTree tree) {
        return tree.root().directives().stream().noneMatch(d -> MAIN_BLOCKS.contains(d.name()));
    }

    /**
     * The nearest config on disk whose include tree (read through {@code options}' loader, so unsaved
     * buffers count) loads {@code file}, or empty.
     */
    public static Optional<Path> nearest(Path file, ConfigModel.Options options) {
        Path normal = file.toAbsolutePath().normalize();
        Path folder = normal.getParent();
        for (int level = 0; folder != null && folder.getParent() != null && level <= LEVELS; level++) {
            for (Path candidate : candidates(folder, normal)) {
                try {
                    if (ConfigModel.load(candidate, options).file(normal).isPresent()) {
                        return Optional.of(candidate);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // an unreadable candidate includes nothing we can use
                }
            }
            folder = folder.getParent();
        }
        return Optional.empty();
    }

    private static List<Path> candidates(Path folder, Path file) {
        List<Path> found = new ArrayList<>();
        Path main = folder.resolve("nginx.conf");
        if (!main.equals(file) && Files.isRegularFile(main)) {
            found.add(main);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> others = entries.filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .filter(p -> !p.equals(file) && !p.equals(main) && Files.isRegularFile(p))
                    .sorted().limit(MAX_CANDIDATES + 1L).toList();
            if (others.size() <= MAX_CANDIDATES) {
                found.addAll(others);
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder offers no candidates
        }
        return found;
    }
}
