package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which nginx "Test with nginx" runs: -Dhandshake.nginx, else the setting, else the PATH; one line when none. */
class NginxLocateTest {

    private static Path executable(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theSettingWinsOverThePathAndThePropertyOverTheSetting(@TempDir Path dir) throws IOException {
        Path onPath = executable(Files.createDirectories(dir.resolve("bin")), "nginx");
        Path chosen = executable(dir, "my-nginx");
        Path launch = executable(dir, "launch-nginx");
        String path = onPath.getParent().toString();
        assertEquals(Optional.of(onPath), NginxTestRun.locate(null, null, path).binary());
        assertEquals(Optional.of(chosen), NginxTestRun.locate(null, chosen.toString(), path).binary());
        assertEquals(Optional.of(launch), NginxTestRun.locate(launch.toString(), chosen.toString(), path).binary());
    }

    @Test
    void aChosenNginxThatCannotRunIsNamedNotReplaced(@TempDir Path dir) throws IOException {
        Path onPath = executable(Files.createDirectories(dir.resolve("bin")), "nginx");
        Path plain = Files.writeString(dir.resolve("plain"), "");
        String path = onPath.getParent().toString();
        NginxTestRun.Lookup missing = NginxTestRun.locate(null, dir.resolve("nope").toString(), path);
        assertEquals(Optional.empty(), missing.binary());
        assertEquals("nginx not found: Settings > nginx executable: " + dir.resolve("nope") + " does not exist", missing.notFound());
        assertEquals("nginx not found: Settings > nginx executable: " + plain + " is not executable",
                NginxTestRun.locate(null, plain.toString(), path).notFound());
        assertEquals("nginx not found: -Dhandshake.nginx=" + dir + " is a folder",
                NginxTestRun.locate(dir.toString(), null, path).notFound());
    }

    @Test
    void noneAnywhereSaysWhereItLookedInOneLine(@TempDir Path dir) {
        NginxTestRun.Lookup none = NginxTestRun.locate(null, null, dir.toString());
        if (none.binary().isPresent()) {
            System.out.println("[skipped] NginxLocateTest none part: nginx is installed in a usual place");
            return;
        }
        assertTrue(none.notFound().startsWith("No nginx found on the PATH or in /usr/sbin"), none.notFound());
        assertTrue(none.notFound().contains("Settings > nginx executable") && !none.notFound().contains("\n"));
    }
}
