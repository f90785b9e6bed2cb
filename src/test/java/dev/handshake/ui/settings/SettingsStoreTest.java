package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.theme.Theme;
import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings survive a round trip through JSON, and a broken file falls back to the defaults. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested"));
        Settings chosen = new Settings(Set.of("upstream-verify-off"), Map.of("upstream-sni-off", Severity.WARNING),
                "/etc/ssl/internal-ca.pem", false, Theme.DARK, 18, true, Set.of("more_set_headers"));
        store.save(chosen);
        assertEquals(chosen, store.load());
        String json = Files.readString(store.file(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"fontSize\" : 18"), json);
    }

    /** The save review's nginx -t switch and the nginx target came in two branches: both survive a save. */
    @Test
    void theReviewsNginxTestAndTheNginxTargetRoundTripTogether() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("both"));
        Settings chosen = Settings.defaults().withTestBeforeSave(false)
                .withNginxTarget(dev.handshake.nginx.NginxEdition.PLUS, "1.22.1");
        store.save(chosen);
        Settings loaded = store.load();
        assertEquals(chosen, loaded);
        assertEquals(false, loaded.testBeforeSave());
        assertEquals("1.22.1", loaded.nginxVersion());
        assertEquals(chosen.withTestBeforeSave(true), loaded.withNginxTarget(dev.handshake.nginx.NginxEdition.PLUS, "1.22.1")
                .withTestBeforeSave(true));
    }

    @Test
    void missingOrBrokenFileGivesDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertEquals(Settings.defaults(), store.load());
        Files.writeString(store.file(), "{ not json", StandardCharsets.UTF_8);
        assertEquals(Settings.defaults(), store.load());
        Files.writeString(store.file(), "{\"fontSize\": 99, \"theme\": \"neon\", \"extra\": 1}", StandardCharsets.UTF_8);
        Settings clamped = store.load();
        assertEquals(Settings.MAX_FONT, clamped.fontSize());
        assertEquals(Theme.LIGHT, clamped.theme());
    }

    @Test
    void lintOptions() {
        LintOptions options = new Settings(Set.of("a-rule"), Map.of("b-rule", Severity.INFO),
                "/ca.pem", true, Theme.LIGHT, 14, false, Set.of("more_set_headers")).lintOptions();
        assertFalse(options.enabled("a-rule"));
        assertEquals(Map.of("b-rule", Severity.INFO), options.severityOverrides());
        assertEquals("/ca.pem", options.defaultTrustedCa());
        assertEquals(Set.of("more_set_headers"), options.extraDirectives());
    }

    /** A file written before the theme and severities were typed: the same words load into the enums. */
    @Test
    void anOldSettingsFileStillLoads() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), String.join("\n", "{",
                "  \"backup\" : false,",
                "  \"defaultTrustedCa\" : null,",
                "  \"disabledRules\" : [ \"upstream-verify-off\" ],",
                "  \"extraDirectives\" : [ ],",
                "  \"fontSize\" : 16,",
                "  \"reviewBeforeSave\" : true,",
                "  \"severities\" : {",
                "    \"upstream-sni-off\" : \"warning\",",
                "    \"syntax-error\" : \"info\",",
                "    \"typo-rule\" : \"loud\"",
                "  },",
                "  \"theme\" : \"dark\"",
                "}"), StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        Settings loaded = store.load(warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(Theme.DARK, loaded.theme());
        assertEquals(Map.of("upstream-sni-off", Severity.WARNING, "syntax-error", Severity.INFO), loaded.severities(),
                "a severity word that names none is no override (the rule keeps its own)");
        assertEquals(Set.of("upstream-verify-off"), loaded.disabledRules());
        assertEquals(16, loaded.fontSize());

        assertTrue(loaded.testBeforeSave(), "a file from before the setting tests with nginx in the review");
        Settings off = loaded.withTestBeforeSave(false);
        store.save(off);
        assertEquals(off, store.load(), "turned off, it stays off");

        // Written back with the same words, so an older version reads it too.
        store.save(loaded);
        String json = Files.readString(store.file(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"theme\" : \"dark\""), json);
        assertTrue(json.contains("\"upstream-sni-off\" : \"warning\""), json);
        assertEquals(loaded, store.load());
    }
}
