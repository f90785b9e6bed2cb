package dev.handshake.ui.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery folder without JavaFX: writing, listing, removing, what else is in the folder, its modes. */
class RecoveryStoreTest {

    @TempDir
    Path dir;

    private RecoveryStore store() {
        return new RecoveryStore(dir.resolve("state").resolve("recovery"));
    }

    @Test
    void writesListsAndRemovesOneFilePerDocument() throws Exception {
        RecoveryStore store = store();
        Path config = dir.resolve("etc").resolve("nginx.conf");
        String key = RecoveryStore.keyFor(config);
        store.write(key, config, "nginx.conf", "http {\n    server { listen 80; }\n}\n");
        String untitled = store.claimUntitled();
        store.write(untitled, null, "untitled.conf", "events {}\n");

        RecoveryStore.Listing listing = store.list();
        assertEquals(Optional.empty(), listing.ignored());
        assertEquals(2, listing.entries().size());
        RecoveryStore.Entry saved = listing.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
        assertEquals(Optional.of(config.toAbsolutePath().normalize()), saved.original());
        assertEquals("http {\n    server { listen 80; }\n}\n", saved.text());
        assertEquals("nginx.conf", saved.name());
        RecoveryStore.Entry fresh = listing.entries().stream().filter(e -> e.key().equals(untitled)).findFirst().orElseThrow();
        assertEquals(Optional.empty(), fresh.original());
        assertEquals("events {}\n", fresh.text());

        store.write(key, config, "nginx.conf", "newer text\n");
        assertEquals("newer text\n", store.list().entries().stream().filter(e -> e.key().equals(key))
                .findFirst().orElseThrow().text(), "a rewrite replaces the file's text");
        store.remove(key);
        assertEquals(List.of(untitled), store.list().entries().stream().map(RecoveryStore.Entry::key).toList());
        store.remove(key); // removing twice is no error
        assertFalse(Files.exists(saved.file()));
    }

    @Test
    void keysAreSafeFileNamesThatTellPathsApart() {
        String a = RecoveryStore.keyFor(Path.of("/etc/nginx/nginx.conf"));
        String b = RecoveryStore.keyFor(Path.of("/srv/nginx/nginx.conf"));
        assertNotEquals(a, b, "same name, other folder");
        assertTrue(a.startsWith("nginx.conf-"), a);
        assertEquals(a, RecoveryStore.keyFor(Path.of("/etc/nginx/../nginx/nginx.conf")), "the normalised path is keyed");
        String odd = RecoveryStore.keyFor(Path.of("/tmp/a b/../x/$weird name\n.conf"));
        assertTrue(odd.matches("[A-Za-z0-9._-]+"), odd);
    }

    @Test
    void untitledNumbersSkipFilesLeftByAnEarlierSessionAndOnesInUse() throws Exception {
        RecoveryStore earlier = store();
        earlier.write("untitled-1", null, "untitled.conf", "a");
        RecoveryStore now = store();
        assertEquals("untitled-2", now.claimUntitled());
        assertEquals("untitled-3", now.claimUntitled());
        now.remove("untitled-1");
        assertEquals("untitled-1", now.claimUntitled());
    }

    @Test
    void foreignAndCorruptFilesAreIgnoredWithOneLine() throws Exception {
        RecoveryStore store = store();
        store.write("untitled-1", null, "untitled.conf", "kept\n");
        Path folder = store.folder();
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve("cut.recovery"), "{\"format\":\"handshake-recovery\",\"version\":1,\"te");
        Files.writeString(folder.resolve("other.recovery"), "{\"format\":\"something-else\",\"version\":1,\"text\":\"x\"}");
        Files.createDirectory(folder.resolve("dir.recovery"));
        Files.writeString(folder.resolve(".untitled-1.recovery.123.tmp"), "half written");

        RecoveryStore.Listing listing = store.list();
        assertEquals(List.of("untitled-1"), listing.entries().stream().map(RecoveryStore.Entry::key).toList());
        String line = listing.ignored().orElseThrow();
        assertEquals("Recovery folder " + folder + ": ignored 4 files that are not Handshake recovery files"
                + " (cut.recovery, dir.recovery, notes.txt, other.recovery)", line);
        assertFalse(line.contains("\n"));
        assertTrue(Files.exists(folder.resolve("notes.txt")), "foreign files are left alone");
    }

    @Test
    void noFolderYetMeansNothingToOffer() {
        RecoveryStore.Listing listing = store().list();
        assertEquals(List.of(), listing.entries());
        assertEquals(Optional.empty(), listing.ignored());
        assertFalse(Files.exists(store().folder()), "listing creates nothing");
    }

    @Test
    void folderIsPrivateAndFilesReadableByTheOwnerOnly() throws Exception {
        RecoveryStore store = store();
        store.write("untitled-1", null, "untitled.conf", "secret\n");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.folder())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.folder().getParent())),
                "the state directory it created is private too");
        Path file = store.list().entries().get(0).file();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store.write("untitled-1", null, "untitled.conf", "rewritten\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "kept on rewrite");

        Files.setPosixFilePermissions(store.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        store.write("untitled-2", null, "untitled.conf", "x");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.folder())),
                "a folder made readable by others is made private again on the next write");
    }

    @Test
    void theStateDirectoryFollowsTheOverrideThenXdgThenHome() {
        assertEquals(Path.of("/x/state"), RecoveryStore.stateDirectory("/x/state", "/xdg", "/home/u"));
        assertEquals(Path.of("/xdg/handshake"), RecoveryStore.stateDirectory(null, "/xdg", "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/handshake"), RecoveryStore.stateDirectory("", "", "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/handshake"), RecoveryStore.stateDirectory(null, "relative", "/home/u"),
                "a relative XDG_STATE_HOME is ignored, as the XDG spec says");
    }

    @Test
    void theAutosaverKeepsTheOrderOfWritesAndRemovals() throws Exception {
        RecoveryStore store = store();
        StringBuilder problems = new StringBuilder();
        try (Autosaver saver = new Autosaver(store, problems::append)) {
            for (int i = 0; i < 50; i++) {
                saver.save("untitled-1", null, "untitled.conf", "version " + i);
            }
            saver.remove("untitled-1");
            saver.save("untitled-2", null, "untitled.conf", "last");
            assertTrue(saver.flush(30));
        }
        assertEquals(List.of("untitled-2"), store.list().entries().stream().map(RecoveryStore.Entry::key).toList());
        assertEquals("", problems.toString());
    }

    @Test
    void theAutosaverReportsAFolderItCannotUseInOneLine() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        StringBuilder problems = new StringBuilder();
        try (Autosaver saver = new Autosaver(new RecoveryStore(blocked.resolve("recovery")), problems::append)) {
            saver.save("untitled-1", null, "untitled.conf", "text");
            assertTrue(saver.flush(30));
        }
        assertTrue(problems.toString().startsWith("Cannot write the recovery copy of untitled.conf in "), problems.toString());
        assertFalse(problems.toString().contains("\n"));
    }
}
