package dev.handshake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared corpus of real configs ({@code ../shared/corpus}), which tests read but never ship.
 *
 * <p>A fresh clone has no corpus beside it: a test that needs it is then skipped with one line saying so
 * (the project's own configs, {@link TestConfigs#own()}, prove the same behaviours). CI sets
 * {@code -Dhandshake.corpus.required=true}, which turns a missing corpus into a failure.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus folder as configured ({@code -Dhandshake.corpus}) or beside the checkout. */
    private static Path location() {
        String configured = System.getProperty("handshake.corpus");
        return (configured != null ? Paths.get(configured) : Paths.get("..", "shared", "corpus"))
                .toAbsolutePath().normalize();
    }

    /** True when the corpus is there; never skips or fails. */
    public static boolean available() {
        return Files.isDirectory(location());
    }

    /**
     * The corpus root. When it is missing, the calling test is skipped with a printed reason, or fails
     * when the corpus is required.
     */
    public static Path root() {
        Path root = location();
        if (!Files.isDirectory(root)) {
            String reason = "corpus not found at " + root + " (place shared/ beside the checkout or set -Dhandshake.corpus)";
            if (Boolean.getBoolean("handshake.corpus.required")) {
                throw new IllegalStateException(reason + "; -Dhandshake.corpus.required=true says it must be there");
            }
            System.out.println("[skipped] " + caller() + ": " + reason);
            Assumptions.abort(reason);
        }
        return root;
    }

    /** The first test class on the stack, for the skip line. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .filter(name -> !name.startsWith(Corpus.class.getName()) && !name.startsWith(TestConfigs.class.getName()))
                .findFirst().orElse("a test"));
    }

    /** Every config file of the corpus ({@code *.conf}, {@code *.conf.sample}, {@code *.types}), sorted. */
    public static List<Path> confFiles() {
        return configsUnder(root());
    }

    static List<Path> configsUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
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
        return TestConfigs.relative(file);
    }
}
