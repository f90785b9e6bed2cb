package dev.handshake.ui.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.io.AtomicWriter;
import dev.handshake.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps {@link Settings} as JSON in {@code $XDG_CONFIG_HOME/handshake/settings.json} (by default
 * {@code ~/.config/handshake/}). Reading never fails: a missing file gives the defaults, a corrupt
 * file or field gives the defaults for what could not be read and a warning that says so. Writing is
 * atomic, so a crash never leaves half a file.
 */
public final class SettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /** @param file where the settings live; {@code null} keeps nothing (tests): defaults in, nothing out */
    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory. */
    public static SettingsStore standard() {
        return new SettingsStore(defaultFile(System.getenv("XDG_CONFIG_HOME"), Path.of(System.getProperty("user.home"))));
    }

    /** {@code $XDG_CONFIG_HOME/handshake/settings.json}, or {@code HOME/.config/handshake/settings.json}. */
    static Path defaultFile(String xdgConfigHome, Path home) {
        Path base = xdgConfigHome != null && !xdgConfigHome.isBlank() && Path.of(xdgConfigHome).isAbsolute()
                ? Path.of(xdgConfigHome) : home.resolve(".config");
        return base.resolve("handshake").resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /**
     * What was read, and what went wrong on the way.
     *
     * @param warnings one sentence per problem; empty when the file was fine or absent
     */
    public record Loaded(Settings settings, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads the settings; never throws. */
    public Loaded load() {
        List<String> warnings = new ArrayList<>();
        if (file == null) {
            return new Loaded(Settings.defaults(), warnings);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.defaults(), warnings);
        } catch (JacksonException e) {
            warnings.add("Settings file " + file + " is not valid JSON; using the defaults ("
                    + e.getOriginalMessage() + ")");
            return new Loaded(Settings.defaults(), warnings);
        } catch (IOException e) {
            warnings.add("Cannot read settings file " + file + "; using the defaults (" + e.getMessage() + ")");
            return new Loaded(Settings.defaults(), warnings);
        }
        if (root == null || !root.isObject()) {
            warnings.add("Settings file " + file + " does not hold a JSON object; using the defaults");
            return new Loaded(Settings.defaults(), warnings);
        }
        return new Loaded(read(root, warnings), warnings);
    }

    private static Settings read(JsonNode root, List<String> warnings) {
        Settings d = Settings.defaults();
        Set<String> disabled = new LinkedHashSet<>();
        JsonNode rules = root.path("disabledRules");
        if (rules.isArray()) {
            rules.forEach(r -> {
                if (r.isTextual()) {
                    disabled.add(r.asText());
                }
            });
        } else if (!rules.isMissingNode()) {
            warnings.add("disabledRules is not a list; ignored");
        }
        Map<String, Severity> severities = new TreeMap<>();
        JsonNode overrides = root.path("severities");
        if (overrides.isObject()) {
            overrides.fields().forEachRemaining(entry -> {
                try {
                    severities.put(entry.getKey(), Severity.fromLabel(entry.getValue().asText()));
                } catch (IllegalArgumentException e) {
                    warnings.add("unknown severity \"" + entry.getValue().asText() + "\" for " + entry.getKey() + "; ignored");
                }
            });
        } else if (!overrides.isMissingNode()) {
            warnings.add("severities is not an object; ignored");
        }
        JsonNode ca = root.path("defaultCaPath");
        String caPath = ca.isTextual() ? ca.asText() : d.defaultCaPath();
        JsonNode review = root.path("reviewBeforeSave");
        boolean reviewBeforeSave = review.isBoolean() ? review.asBoolean() : d.reviewBeforeSave();
        Theme theme = d.theme();
        JsonNode themeNode = root.path("theme");
        if (themeNode.isTextual()) {
            try {
                theme = Theme.valueOf(themeNode.asText().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                warnings.add("unknown theme \"" + themeNode.asText() + "\"; using " + theme.label());
            }
        }
        JsonNode font = root.path("fontSize");
        int fontSize = font.canConvertToInt() ? font.asInt() : d.fontSize();
        return new Settings(disabled, severities, caPath, reviewBeforeSave, theme, fontSize);
    }

    /** Writes {@code settings}, creating the directory when needed. */
    public void save(Settings settings) throws IOException {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.putPOJO("disabledRules", new TreeSet<>(settings.disabledRules()));
        ObjectNode severities = root.putObject("severities");
        new TreeMap<>(settings.severityOverrides()).forEach((rule, severity) -> severities.put(rule, severity.label()));
        if (settings.defaultCaPath() != null) {
            root.put("defaultCaPath", settings.defaultCaPath());
        }
        root.put("reviewBeforeSave", settings.reviewBeforeSave());
        root.put("theme", settings.theme().label());
        root.put("fontSize", settings.fontSize());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicWriter.withoutBackup().write(file, bytes);
    }
}
