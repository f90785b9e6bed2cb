package dev.handshake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the shared corpus of real configs ({@code ../shared/corpus}), which tests read but never ship. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("handshake.corpus");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "shared", "corpus");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus not found at " + root.toAbsolutePath()
                    + " (set -Dhandshake.corpus or place shared/ beside the checkout)");
        }
        return root.toAbsolutePath().normalize();
    }

    /** Every config file of the corpus ({@code *.conf}, {@code *.conf.sample}, {@code *.types}), sorted. */
    public static List<Path> confFiles() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isConfig(p.getFileName().toString()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isConfig(String name) {
        return name.endsWith(".conf") || name.endsWith(".conf.sample") || name.endsWith(".types");
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }
}
