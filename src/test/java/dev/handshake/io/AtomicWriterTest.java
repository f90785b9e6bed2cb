package dev.handshake.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicWriterTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentKeepsPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("nginx.conf"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWriter.withoutBackup().write(file, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void writesThroughASymlinkAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.conf"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real.getFileName());
        AtomicWriter.withoutBackup().write(link, "new\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void backupKeepsThePreviousVersion() throws Exception {
        Path file = Files.writeString(dir.resolve("a.conf"), "v1\n");
        AtomicWriter.withBackup().write(file, "v2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1\n", Files.readString(dir.resolve("a.conf.bak")));
        assertEquals("v2\n", Files.readString(file));
    }

    @Test
    void newFileIsWorldReadableLikeAnyOther() throws Exception {
        Path file = dir.resolve("export.conf");
        AtomicWriter.withoutBackup().write(file, "x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void snapshotNoticesAChangeOnDisk() throws Exception {
        Path file = dir.resolve("a.conf");
        DiskSnapshot snapshot = AtomicWriter.withoutBackup().write(file, "one\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(snapshot.changedOnDisk());
        Files.writeString(file, "two\n");
        assertTrue(snapshot.changedOnDisk());
    }
}
