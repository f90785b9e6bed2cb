package dev.handshake;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The configs tests run over: the project's own (rule fixtures and the realistic configs under
 * {@code src/test/resources/realistic}, written for these tests) and, when it is beside the checkout,
 * the shared corpus of real configs written by others.
 */
public final class TestConfigs {

    /** Where the project's own configs live. */
    public static final Path OWN = Paths.get("src", "test", "resources").toAbsolutePath().normalize();

    /** The realistic configs: a gateway with an include tree, swag-style samples, line endings, encodings. */
    public static final Path REALISTIC = OWN.resolve("realistic");

    private TestConfigs() {
    }

    /** Every config file the project ships for its tests, sorted. */
    public static List<Path> own() {
        return Corpus.configsUnder(OWN);
    }

    /** The project's own configs, then the corpus's when it is there (no skip when it is not). */
    public static List<Path> all() {
        List<Path> files = new ArrayList<>(own());
        if (Corpus.available()) {
            files.addAll(Corpus.confFiles());
        }
        return files;
    }

    /** A model of {@code text} as the main file {@code /virtual/nginx.conf}, read from nothing but the text. */
    public static dev.handshake.nginx.ConfigModel model(String text) {
        return dev.handshake.nginx.ConfigModel.build(new dev.handshake.nginx.ConfigFile(
                Path.of("/virtual/nginx.conf"), dev.handshake.text.SourceText.of(text)),
                dev.handshake.nginx.ConfigModel.Options.defaults());
    }

    /** A file's name relative to its collection (the corpus or the test resources), with forward slashes. */
    public static String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = absolute.startsWith(OWN) ? OWN : Corpus.available() ? Corpus.root() : absolute.getParent();
        return base.relativize(absolute).toString().replace('\\', '/');
    }
}
