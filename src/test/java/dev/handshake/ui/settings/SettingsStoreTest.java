package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.lint.LintOptions;
import dev.handshake.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripThroughANewDirectory() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("conf/handshake/settings.json"));
        Settings chosen = new Settings(Set.of("upstream-sni-off"), Map.of("upstream-verify-off", Severity.ERROR),
                "/etc/nginx/ca.pem", false, Theme.DARK, 18);
        store.save(chosen);
        SettingsStore.Loaded loaded = store.load();
        assertEquals(chosen, loaded.settings());
        assertTrue(loaded.warnings().isEmpty());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"theme\" : \"dark\""), json);
        store.save(Settings.defaults());
        assertEquals(Settings.defaults(), store.load().settings());
    }

    @Test
    void missingFileGivesDefaultsQuietly() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("absent.json")).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertTrue(loaded.warnings().isEmpty());
        assertTrue(Settings.defaults().reviewBeforeSave());
    }

    @Test
    void corruptFileGivesDefaultsAndAWarning() throws Exception {
        Path file = dir.resolve("settings.json");
        for (String bad : new String[] {"{\"theme\": \"dark\",", "[1,2]", "\u0000\u0001binary", ""}) {
            Files.write(file, bad.getBytes(StandardCharsets.UTF_8));
            SettingsStore.Loaded loaded = new SettingsStore(file).load();
            assertEquals(Settings.defaults(), loaded.settings(), bad);
            assertEquals(1, loaded.warnings().size(), bad);
        }
    }

    @Test
    void badFieldsFallBackOneByOne() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"purple\", \"fontSize\": 400, \"disabledRules\": \"x\","
                + " \"severities\": {\"a\": \"loud\", \"b\": \"info\"}, \"reviewBeforeSave\": false, \"extra\": 1}");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        Settings s = loaded.settings();
        assertEquals(Theme.LIGHT, s.theme());
        assertEquals(Settings.MAX_FONT, s.fontSize());
        assertEquals(Set.of(), s.disabledRules());
        assertEquals(Map.of("b", Severity.INFO), s.severityOverrides());
        assertEquals(false, s.reviewBeforeSave());
        assertNull(s.defaultCaPath());
        assertEquals(3, loaded.warnings().size(), loaded.warnings().toString());
    }

    @Test
    void lintOptionsCarryTheChoices() {
        Settings s = Settings.defaults().withRules(Set.of("r1"), Map.of("r2", Severity.INFO)).withDefaultCaPath("/ca.pem");
        LintOptions options = s.lintOptions(LintOptions.defaults().withExtraDirectives(Set.of("lua_x")));
        assertEquals(Set.of("r1"), options.disabledRules());
        assertEquals(Map.of("r2", Severity.INFO), options.severityOverrides());
        assertEquals("/ca.pem", options.defaultTrustedCa());
        assertEquals(Set.of("lua_x"), options.extraDirectives());
    }

    @Test
    void configDirectoryFollowsXdg() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/xdg/handshake/settings.json"), SettingsStore.defaultFile("/xdg", home));
        assertEquals(Path.of("/home/u/.config/handshake/settings.json"), SettingsStore.defaultFile(null, home));
        assertEquals(Path.of("/home/u/.config/handshake/settings.json"), SettingsStore.defaultFile("relative", home));
    }
}
