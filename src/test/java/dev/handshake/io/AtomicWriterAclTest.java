package dev.handshake.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POSIX ACLs on this machine's real file system (issue 13: "owner, ACLs ... kept, or the user is told
 * before writing"): a replaced file and its backup keep the ACL (and the group's own bits, not the
 * mask's), a file without one does not take its folder's default ACL, and where getfacl/setfacl are
 * missing the save refuses with the file and the reason named, leaving the file as it was. Skipped,
 * with the reason printed, where setfacl is not installed or the file system refuses ACLs
 * ({@code .ci/run} installs the {@code acl} package).
 */
class AtomicWriterAclTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void fileWithAnAcl() throws Exception {
        file = Files.writeString(dir.resolve("gateway.conf"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String why = null;
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            why = "POSIX ACLs are looked for on Linux only";
        } else if (!Files.isExecutable(Path.of("/usr/bin/setfacl")) || !Files.isExecutable(Path.of("/usr/bin/getfacl"))) {
            why = "getfacl/setfacl are not installed (apt-get install acl)";
        } else if (run("setfacl", "-m", "u:nobody:r", file.toString()) != 0) {
            why = "this file system refuses ACLs (setfacl -m failed on " + dir + ")";
        }
        if (why != null) {
            System.out.println("AtomicWriterAclTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return process.exitValue();
    }

    private static String acl(Path path) throws Exception {
        Process process = new ProcessBuilder("getfacl", "--absolute-names", "--omit-header", path.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        return out;
    }

    @Test
    void aReplacedFileAndItsBackupKeepTheAclAndTheGroupItsOwnBits() throws Exception {
        String before = acl(file);
        assertTrue(before.contains("user:nobody:r--"), before);
        assertTrue(before.contains("group::---"), before);
        AtomicWriter.withBackup().write(file, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(file));
        assertEquals(before, acl(file), "the new file has the old one's ACL");
        assertEquals(before, acl(dir.resolve("gateway.conf.bak")), "the backup too");
        // ls shows the mask (r--) in the group's place; the group itself still has nothing.
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(PosixAcl.present(file));
    }

    @Test
    void aFileWithoutAnAclDoesNotTakeItsFoldersDefaultAcl() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.conf"), "old\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, run("setfacl", "-d", "-m", "u:nobody:rw", dir.toString()));
        String before = acl(plain);
        assertFalse(PosixAcl.present(plain));
        AtomicWriter.withoutBackup().write(plain, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(before, acl(plain), "nobody gets no access the old file did not give");
        assertFalse(PosixAcl.present(plain));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void withoutGetfaclAndSetfaclTheSaveRefusesBeforeWritingAndSaysWhy(@TempDir Path noTools) throws Exception {
        String before = acl(file);
        System.setProperty("handshake.acl.tools", noTools.toString());
        IOException refused;
        try {
            refused = assertThrows(IOException.class,
                    () -> AtomicWriter.withoutBackup().write(file, "new\n".getBytes(StandardCharsets.UTF_8)));
        } finally {
            System.clearProperty("handshake.acl.tools");
        }
        assertEquals(file.toRealPath() + " has a POSIX ACL, which this save cannot keep: getfacl/setfacl are not"
                + " installed (Debian/Ubuntu: apt-get install acl); nothing was written", refused.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(before, acl(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file.getFileName()), listing.map(Path::getFileName).toList(), "no temporary file left");
        }
    }

    @Test
    void theAclIsDescribedWithItsExtraEntries() {
        assertEquals("a POSIX ACL (user:nobody:r--, mask::r--)", PosixAcl.describe(file));
    }
}
