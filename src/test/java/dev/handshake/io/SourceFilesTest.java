package dev.handshake.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAndReencodesByteForByte() throws Exception {
        byte[] bytes = "\uFEFFhttp {\r\n  # caf\u00e9\r\n}".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.conf"), bytes);
        assertArrayEquals(bytes, SourceFiles.read(file).encode());
        byte[] latin1 = {'#', ' ', (byte) 0xe9, '\n'};
        Path other = Files.write(dir.resolve("b.conf"), latin1);
        assertArrayEquals(latin1, SourceFiles.read(other).encode());
    }

    @Test
    void refusesWhatIsNotATextFileWithOneLineNamingThePath() throws Exception {
        Path missing = dir.resolve("missing.conf");
        SourceReadException notFound = assertThrows(SourceReadException.class, () -> SourceFiles.read(missing));
        assertEquals(SourceReadException.Kind.NOT_FOUND, notFound.kind());
        assertTrue(notFound.getMessage().startsWith(missing.toString()));
        assertFalse(notFound.getMessage().contains("\n"));

        assertEquals(SourceReadException.Kind.NOT_A_FILE,
                assertThrows(SourceReadException.class, () -> SourceFiles.read(dir)).kind());

        Path binary = Files.write(dir.resolve("x.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertEquals(SourceReadException.Kind.BINARY,
                assertThrows(SourceReadException.class, () -> SourceFiles.read(binary)).kind());
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
        Path file = Files.writeString(dir.resolve("secret.conf"), "events {}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertEquals(SourceReadException.Kind.UNREADABLE,
                assertThrows(SourceReadException.class, () -> SourceFiles.read(file)).kind());
    }

    @Test
    void aFifoDeviceOrUnsizedProcFileIsRefusedUnreadAndAnEmptyFileIsEmpty() throws Exception {
        Path fifo = dir.resolve("pipe.conf");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            SourceReadException e = assertThrows(SourceReadException.class, () -> SourceFiles.read(fifo));
            assertEquals(SourceReadException.Kind.NOT_A_FILE, e.kind());
        }
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertEquals(SourceReadException.Kind.NOT_A_FILE,
                    assertThrows(SourceReadException.class, () -> SourceFiles.read(zero)).kind());
        }
        Path status = Path.of("/proc/self/status");
        if (Files.isRegularFile(status) && Files.size(status) == 0) {
            // /proc/kmsg is one of these and never ends; /proc/self/status ends, but gives no size either
            SourceReadException e = assertThrows(SourceReadException.class, () -> SourceFiles.read(status));
            assertEquals(SourceReadException.Kind.NOT_A_FILE, e.kind());
            assertTrue(e.getMessage().contains("kernel's proc file system"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        } else {
            System.out.println("[skipped] SourceFilesTest: no unsized /proc/self/status on this system");
        }
        Path empty = Files.write(dir.resolve("empty.conf"), new byte[0]);
        assertEquals("", SourceFiles.read(empty).text());
    }
}
