package dev.handshake.ui.settings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.handshake.io.AtomicWriter;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.NginxEdition;
import dev.handshake.ui.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in a directory. The theme and the
 * severities are written as the words they always were ({@code "dark"}, {@code "warning"}), so a file
 * written before they became enums loads unchanged, and one written now still loads in older versions;
 * the nginx edition is its command-line word ({@code "oss"}, {@code "plus"}; another word is open source).
 */
public final class SettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("settings-words")
                    .addSerializer(Theme.class, new Word<>(Theme::label))
                    .addDeserializer(Theme.class, new Read<>(Theme::of))
                    .addSerializer(Severity.class, new Word<>(Severity::label))
                    .addDeserializer(Severity.class, new Read<>(SettingsStore::severityOrNone))
                    .addSerializer(NginxEdition.class, new Word<>(NginxEdition::label))
                    .addDeserializer(NginxEdition.class, new Read<>(word -> NginxEdition.of(word).orElse(null))));

    /** A severity word; {@code null} (no override) for one that names none, as a hand-edited typo. */
    private static Severity severityOrNone(String word) {
        if (word == null) {
            return null;
        }
        try {
            return Severity.fromLabel(word);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Writes an enum as its settings word. */
    private static final class Word<T> extends JsonSerializer<T> {
        private final java.util.function.Function<T, String> word;

        Word(java.util.function.Function<T, String> word) {
            this.word = word;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(word.apply(value));
        }
    }

    /** Reads an enum from its settings word, leniently (see {@link Theme#of} and {@link #severityOrNone}). */
    private static final class Read<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> read;

        Read(java.util.function.Function<String, T> read) {
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (!in.currentToken().isScalarValue()) {
                in.skipChildren();
                return read.apply(null);
            }
            return read.apply(in.getValueAsString());
        }
    }

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
