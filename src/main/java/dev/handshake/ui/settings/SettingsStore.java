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
        return load(problem -> { });
    }

    /**
     * The saved settings; the defaults when there are none, and also when the file cannot be read, which
     * {@code warn} is then told in one sentence (never an exception: a bad file must not stop the app).
     */
    public Settings load(java.util.function.Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                warn.accept("Settings file " + file + " is not a regular file; using the defaults");
            }
            return Settings.defaults();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode written = JSON.readTree(file.toFile());
            if (written == null || !written.isObject()) {
                warn.accept("Settings file " + file + " does not hold a JSON object; using the defaults");
                return Settings.defaults();
            }
            // Fields the file leaves out keep their defaults (a missing reviewBeforeSave stays on).
            com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.valueToTree(Settings.defaults());
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) written);
            return JSON.treeToValue(merged, Settings.class);
        } catch (com.fasterxml.jackson.core.JacksonException corrupt) {
            warn.accept("Settings file " + file + " is not valid settings JSON; using the defaults ("
                    + corrupt.getOriginalMessage() + ")");
            return Settings.defaults();
        } catch (IOException unreadable) {
            warn.accept("Cannot read settings file " + file + "; using the defaults (" + unreadable.getMessage() + ")");
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicWriter.withoutBackup().write(file, JSON.writeValueAsBytes(settings));
    }
}
