package dev.handshake.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handshake.ui.theme.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad settings file costs a warning and the defaults, never an exception; a partial one keeps the rest. */
class SettingsStoreWarningsTest {

    @TempDir
    Path dir;

    private List<String> warnings = new ArrayList<>();

    private Settings load(String json) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), json, StandardCharsets.UTF_8);
        warnings = new ArrayList<>();
        return store.load(warnings::add);
    }

    @Test
    void corruptFilesWarnOnce() throws Exception {
        for (String bad : new String[] {"{\"theme\": \"dark\",", "[1, 2]", "\u0000\u0001binary", "", "{\"fontSize\": \"big\"}"}) {
            assertEquals(Settings.defaults(), load(bad), bad);
            assertEquals(1, warnings.size(), bad + " " + warnings);
        }
        assertTrue(warnings.get(0).contains("using the defaults"), warnings.toString());
    }

    @Test
    void missingFileAndGoodFilesAreQuiet() throws Exception {
        warnings = new ArrayList<>();
        assertEquals(Settings.defaults(), new SettingsStore(dir.resolve("absent")).load(warnings::add));
        assertEquals(Settings.defaults(), load("{}"));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void fieldsLeftOutKeepTheirDefaults() throws Exception {
        Settings partial = load("{\"fontSize\": 16, \"theme\": \"dark\"}");
        assertTrue(partial.reviewBeforeSave(), "review before save stays on");
        assertEquals(16, partial.fontSize());
        assertEquals(Theme.DARK, partial.theme());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aDirectoryInPlaceOfTheFileWarns() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.createDirectories(store.file());
        warnings = new ArrayList<>();
        assertEquals(Settings.defaults(), store.load(warnings::add));
        assertEquals(1, warnings.size());
    }
}
