package dev.handshake.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failure at any step of a save (a full disk while writing, a failed sync, a rename refused) leaves
 * every original byte-identical and no temporary file behind, and says which file and why.
 */
class AtomicWriterFaultsTest {

    private static final String FULL = "No space left on device";

    @TempDir
    Path dir;

    /** Fails {@code step} for {@code victim} (any file when null), records every step seen. */
    private static final class Injected implements AtomicWriter.Faults {
        final AtomicWriter.Step step;
        final Path victim;
        final List<AtomicWriter.Step> seen = new ArrayList<>();
        boolean fired;

        Injected(AtomicWriter.Step step, Path victim) {
            this.step = step;
            this.victim = victim;
        }

        @Override
        public void before(AtomicWriter.Step s, Path target) throws IOException {
            seen.add(s);
            if (s == step && (victim == null || target.getFileName().equals(victim.getFileName()))) {
                fired = true;
                throw new FileSystemException(target.toString(), null, FULL);
            }
        }
    }

    private Map<Path, byte[]> originals(Path... files) throws IOException {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Path f : files) {
            bytes.put(f, Files.readAllBytes(f));
        }
        return bytes;
    }

    private void assertUntouched(Map<Path, byte[]> originals) throws IOException {
        for (Map.Entry<Path, byte[]> e : originals.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " changed");
        }
        try (Stream<Path> listing = Files.list(dir)) {
            List<String> left = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "temporary files left behind");
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static byte[] big(String marker) {
        return (marker + "\n").repeat(10_000).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(AtomicWriter.Step.class)
    void oneFileFailingAtAnyStepStaysAsItWas(AtomicWriter.Step step) throws IOException {
        Path conf = file("nginx.conf", "events {}\nhttp { server { listen 80; } }\n");
        Map<Path, byte[]> before = originals(conf);
        Injected faults = new Injected(step, null);
        AtomicWriter writer = new AtomicWriter(true, faults);

        IOException failure = assertThrows(IOException.class,
                () -> writer.writeAll(Map.of(conf, big("new")), before));

        assertTrue(faults.fired, step + " was never reached: " + faults.seen);
        assertUntouched(before);
        assertTrue(failure.getMessage().contains(conf.toRealPath().toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains(FULL), failure.getMessage());
        assertFalse(failure.getMessage().contains(".tmp"), "names the temporary file: " + failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(AtomicWriter.Step.class)
    void threeFilesFailingAtAnyStepOfTheLastAllStayAsTheyWere(AtomicWriter.Step step) throws IOException {
        Path main = file("nginx.conf", "include a.conf;\ninclude b.conf;\n");
        Path a = file("a.conf", "server { listen 443 ssl; }\n");
        Path b = file("b.conf", "upstream pool { server 10.0.0.1:443; }\n");
        Map<Path, byte[]> before = originals(main, a, b);
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        contents.put(main, big("main"));
        contents.put(a, big("a"));
        contents.put(b, big("b"));
        Injected faults = new Injected(step, b);

        IOException failure = assertThrows(IOException.class,
                () -> new AtomicWriter(true, faults).writeAll(contents, before));

        assertTrue(faults.fired, step + " was never reached for b.conf: " + faults.seen);
        assertUntouched(before);
        assertTrue(failure.getMessage().contains("b.conf"), failure.getMessage());
        if (step == AtomicWriter.Step.RENAME) {
            assertTrue(failure.getMessage().contains("put back"), failure.getMessage());
        }
    }

    @Test
    void withoutFaultsEveryStepRunsInOrderAndTheFileIsWritten() throws IOException {
        Path conf = file("nginx.conf", "old\n");
        Injected none = new Injected(null, null);
        new AtomicWriter(true, none).writeAll(Map.of(conf, "new\n".getBytes(StandardCharsets.UTF_8)),
                originals(conf));
        assertEquals(List.of(AtomicWriter.Step.values()), none.seen);
        assertEquals("new\n", Files.readString(conf));
        assertEquals("old\n", Files.readString(dir.resolve("nginx.conf.bak")));
    }

    @Test
    void userExtendedAttributesAreKept() throws IOException {
        Path conf = file("nginx.conf", "old\n");
        UserDefinedFileAttributeView view = Files.getFileAttributeView(conf, UserDefinedFileAttributeView.class);
        try {
            view.write("handshake.test", StandardCharsets.UTF_8.encode("kept"));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("this file system stores no user extended attributes: " + e);
        }
        AtomicWriter.withoutBackup().write(conf, "new\n".getBytes(StandardCharsets.UTF_8));
        UserDefinedFileAttributeView after = Files.getFileAttributeView(conf, UserDefinedFileAttributeView.class);
        ByteBuffer value = ByteBuffer.allocate(after.size("handshake.test"));
        after.read("handshake.test", value);
        value.flip();
        assertEquals("kept", StandardCharsets.UTF_8.decode(value).toString());
        assertEquals("new\n", Files.readString(conf));
    }
}
