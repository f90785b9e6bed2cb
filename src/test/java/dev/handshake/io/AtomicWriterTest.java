package dev.handshake.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void linksAreResolvedByTheFileSystemDirectoryLinksIncluded(@TempDir Path root) throws Exception {
        Path real = Files.createDirectories(root.resolve("x"));
        Path file = Files.writeString(real.resolve("a.conf"), "old\n");
        Path other = Files.createDirectories(root.resolve("y"));
        Path ldir = Files.createSymbolicLink(other.resolve("ldir"), real);
        // y/ldir/b.conf is x/b.conf -> ../x/a.conf: from x's real folder that is x/a.conf; read lexically
        // from y/ldir it would be y/x/a.conf, a file nobody analysed.
        Files.createSymbolicLink(real.resolve("b.conf"), Path.of("../x/a.conf"));
        AtomicWriter.withoutBackup().write(ldir.resolve("b.conf"), "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(file));
        assertFalse(Files.exists(other.resolve("x")), "nothing written beside the link");
        assertTrue(Files.isSymbolicLink(real.resolve("b.conf")), "the link stays a link");
    }

    @Test
    void aFifoIsNeverReplaced(@TempDir Path root) throws Exception {
        Path fifo = root.resolve("out.conf");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        IOException refused = assertThrows(IOException.class,
                () -> AtomicWriter.withoutBackup().write(fifo, "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().endsWith("is not a regular file (a FIFO, device or folder): it is never replaced"),
                refused.getMessage());
        assertTrue(Files.isRegularFile(fifo) == false && Files.exists(fifo), "still the FIFO");
    }

    @Test
    void severalFilesAreAllWrittenOrNone(@TempDir Path root) throws Exception {
        Path a = Files.writeString(root.resolve("a.conf"), "a\n");
        Path missingFolder = root.resolve("gone/b.conf");
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        contents.put(a, "A\n".getBytes(StandardCharsets.UTF_8));
        contents.put(missingFolder, "B\n".getBytes(StandardCharsets.UTF_8));
        IOException failed = assertThrows(IOException.class, () -> AtomicWriter.withoutBackup().writeAll(contents, Map.of()));
        assertTrue(failed.getMessage().startsWith("cannot write " + missingFolder + ": "), failed.getMessage());
        assertFalse(failed.getMessage().contains(".tmp"), "the user's file is named, not the temporary one");
        assertEquals("a\n", Files.readString(a), "the first file was not replaced either");
        try (var left = Files.list(root)) {
            assertEquals(List.of("a.conf"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aFileChangedSinceItWasReadIsNotOverwritten(@TempDir Path root) throws Exception {
        Path a = Files.writeString(root.resolve("a.conf"), "edited by someone else\n");
        IOException refused = assertThrows(IOException.class, () -> AtomicWriter.withoutBackup().writeAll(
                Map.of(a, "fixed\n".getBytes(StandardCharsets.UTF_8)), Map.of(a, "as read\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains("was changed by another program since it was read"), refused.getMessage());
        assertEquals("edited by someone else\n", Files.readString(a));
    }

    @Test
    void aHardLinkedFileIsNotSplitAndStaleTemporariesAreCleaned(@TempDir Path root) throws Exception {
        Path a = Files.writeString(root.resolve("a.conf"), "a\n");
        Files.createLink(root.resolve("twin.conf"), a);
        IOException refused = assertThrows(IOException.class,
                () -> AtomicWriter.withoutBackup().write(a, "b\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("has 2 hard links"), refused.getMessage());
        assertEquals("a\n", Files.readString(root.resolve("twin.conf")));

        Path lone = Files.writeString(root.resolve("lone.conf"), "x\n");
        Path stale = Files.writeString(root.resolve(".lone.conf.123456789.tmp"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        AtomicWriter.withoutBackup().write(lone, "y\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(Files.exists(stale), "a killed write's leftover is removed");
    }
}
