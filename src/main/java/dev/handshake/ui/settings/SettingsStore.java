package dev.handshake.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handshake.io.AtomicWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link Settings} as {@code settings.json} in a directory. */
public final class SettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public SettingsStore(Path directory) {
        this.file = directory.resolve("settings.json");
    }

    /**
     * The standard place: {@code handshake.config.dir} if set, else {@code $XDG_CONFIG_HOME/handshake},
     * else {@code ~/.config/handshake}.
     */
    public static SettingsStore standard() {
        String configured = System.getProperty("handshake.config.dir");
        if (configured != null && !configured.isBlank()) {
            return new SettingsStore(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("handshake"));
    }

    public Path file() {
        return file;
    }

    /** The saved settings; the defaults when there are none or the file cannot be read. */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class);
        } catch (IOException unreadable) {
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicWriter.withoutBackup().write(file, JSON.writeValueAsBytes(settings));
    }
}
