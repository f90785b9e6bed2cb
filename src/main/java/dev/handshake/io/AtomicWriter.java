package dev.handshake.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a file so that a reader sees either the old or the new content, never half of it: the bytes go
 * to a temporary dot file in the same directory, are flushed to disk, take the old file's permissions,
 * owner and group, user extended attributes and POSIX ACL ({@link PosixAcl}), and replace it by a rename,
 * after which the directory is synced. A symlink's target (resolved by the file system) is written; the
 * link stays a link. It refuses, before writing anything, to replace a FIFO or device, to change a file's
 * owner, to split a hard-linked file, or to drop an ACL it cannot copy (no {@code getfacl}/{@code setfacl}).
 */
public final class AtomicWriter {

    /** The steps of a write that touch the disk, in order; a {@link Faults} hook can fail each one. */
    enum Step {
        CREATE_TEMP, WRITE, SYNC, ATTRIBUTES, CHECK_UNCHANGED, BACKUP, RENAME
    }

    /**
     * Called before each step with the user's file it is for. The program's writer does nothing; tests
     * throw from it to prove that a failure at any step leaves every original as it was and no temporary
     * file behind. {@link Step#WRITE} is called when half of the bytes are written, as a full disk would.
     */
    @FunctionalInterface
    interface Faults {
        void before(Step step, Path target) throws IOException;
    }

    private static final Faults NONE = (step, target) -> { };

    private final boolean backup;
    private final Faults faults;

    AtomicWriter(boolean backup, Faults faults) {
        this.backup = backup;
        this.faults = faults;
    }

    public static AtomicWriter withoutBackup() {
        return new AtomicWriter(false, NONE);
    }

    /** Before replacing a file, keeps its previous content as {@code NAME.bak} beside it. */
    public static AtomicWriter withBackup() {
        return new AtomicWriter(true, NONE);
    }

    /** Writes {@code bytes} to {@code path} (created if missing) and returns what is now on disk. */
    public DiskSnapshot write(Path path, byte[] bytes) throws IOException {
        return writeAll(Map.of(path, bytes), Map.of()).get(0);
    }

    /**
     * Writes several files as one change: every temporary file is written and synced first, and only
     * when all are ready are they renamed over their originals, so a failure (a read-only folder, a full
     * disk) leaves every original as it was and no temporary file behind. A file whose bytes on disk are
     * no longer {@code expectedOnDisk}'s (edited or deleted by another program since it was read) stops
     * the whole write. Messages name the user's file, never the temporary one.
     */
    public List<DiskSnapshot> writeAll(Map<Path, byte[]> contents, Map<Path, byte[]> expectedOnDisk) throws IOException {
        List<Prepared> prepared = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> e : contents.entrySet()) {
                prepared.add(prepare(e.getKey(), e.getValue(), expectedOnDisk.get(e.getKey())));
            }
            for (Prepared p : prepared) {
                faults.before(Step.CHECK_UNCHANGED, p.target);
                p.checkUnchanged();
            }
            // Several files: keep what each holds now, so that a rename failing half way (the last
            // step that can fail) puts back the ones already replaced.
            Map<Path, byte[]> before = new java.util.HashMap<>();
            if (prepared.size() > 1) {
                for (Prepared p : prepared) {
                    before.put(p.target, Files.exists(p.target) ? Files.readAllBytes(p.target) : null);
                }
            }
            List<DiskSnapshot> written = new ArrayList<>();
            List<Prepared> committed = new ArrayList<>();
            for (Prepared p : prepared) {
                try {
                    p.commit();
                } catch (IOException e) {
                    throw rollBack(committed, before, e);
                }
                committed.add(p);
                written.add(DiskSnapshot.of(p.requested, p.bytes));
            }
            return written;
        } finally {
            for (Prepared p : prepared) {
                Files.deleteIfExists(p.temp);
            }
        }
    }

    /** Puts back the files {@code committed} replaced; the failure's message says whether that worked. */
    private static IOException rollBack(List<Prepared> committed, Map<Path, byte[]> before, IOException failure) {
        if (committed.isEmpty()) {
            return failure;
        }
        List<Path> notRestored = new ArrayList<>();
        for (Prepared p : committed) {
            try {
                byte[] old = before.get(p.target);
                if (old == null) {
                    Files.deleteIfExists(p.target);
                } else {
                    withoutBackup().write(p.target, old);
                }
            } catch (IOException e) {
                notRestored.add(p.target);
            }
        }
        String outcome = notRestored.isEmpty()
                ? "; the " + committed.size() + " file(s) already replaced were put back as they were"
                : "; these files were replaced and could not be put back: " + notRestored;
        return new IOException(failure.getMessage() + outcome, failure);
    }

    /** A temporary file written and synced beside its target, not yet renamed over it. */
    private final class Prepared {
        private final Path requested;
        private final Path target;
        private final Path temp;
        private final byte[] bytes;
        private final byte[] expected;
        private final boolean acl;

        Prepared(Path requested, Path target, Path temp, byte[] bytes, byte[] expected, boolean acl) {
            this.requested = requested;
            this.target = target;
            this.temp = temp;
            this.bytes = bytes;
            this.expected = expected;
            this.acl = acl;
        }

        void checkUnchanged() throws IOException {
            if (expected == null) {
                return;
            }
            byte[] now = Files.exists(target) ? Files.readAllBytes(target) : null;
            if (now == null || !java.util.Arrays.equals(now, expected)) {
                throw new IOException(target + " was " + (now == null ? "deleted" : "changed") + " by another program"
                        + " since it was read; nothing was written (run again to fix the new content)");
            }
        }

        void commit() throws IOException {
            if (backup && Files.exists(target)) {
                Path bak = target.resolveSibling(target.getFileName() + ".bak");
                try {
                    faults.before(Step.BACKUP, target);
                    Files.copy(target, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    if (acl) {
                        // The copied mode's group bits are the ACL's mask: without the ACL the backup
                        // would let the owning group do what the mask allows.
                        PosixAcl.copy(target, bak);
                    }
                } catch (IOException e) {
                    throw new IOException("cannot keep a backup of " + target + " as " + bak.getFileName() + ": "
                            + reason(e) + "; nothing was written", e);
                }
            }
            try {
                faults.before(Step.RENAME, target);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(target.getParent());
            } catch (IOException e) {
                throw new IOException("cannot replace " + target + ": " + reason(e), e);
            }
        }
    }

    private Prepared prepare(Path path, byte[] bytes, byte[] expected) throws IOException {
        Path target = resolveLinks(path);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IOException(target + " is not a regular file (a FIFO, device or folder): it is never replaced");
        }
        Path directory = target.toAbsolutePath().getParent();
        removeStaleTemporaries(directory, target.getFileName().toString());
        Set<PosixFilePermission> permissions = posixPermissions(target);
        boolean acl = PosixAcl.present(target);
        if (acl && PosixAcl.whyNotCopyable().isPresent()) {
            throw new IOException(target + " has " + PosixAcl.describe(target) + ", which this save cannot keep: "
                    + PosixAcl.whyNotCopyable().get() + "; nothing was written");
        }
        Path temp;
        try {
            faults.before(Step.CREATE_TEMP, target);
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e) + " (in " + directory + ")", e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                int half = bytes.length / 2;
                writeFully(channel, ByteBuffer.wrap(bytes, 0, half));
                faults.before(Step.WRITE, target);
                writeFully(channel, ByteBuffer.wrap(bytes, half, bytes.length - half));
                faults.before(Step.SYNC, target);
                channel.force(true);
            }
            faults.before(Step.ATTRIBUTES, target);
            if (permissions != null && !acl) {
                // With an ACL the mode's group bits are its mask, not the group's: the ACL copy sets both.
                Files.setPosixFilePermissions(temp, permissions);
            }
            keepOwner(target, temp);
            keepExtendedAttributes(target, temp);
            keepAcl(target, temp, acl);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e instanceof OwnerException ? e : new IOException("cannot write " + target + ": " + reason(e), e);
        }
        return new Prepared(path, target, temp, bytes, expected, acl);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Copies the old file's user extended attributes ({@code user.*}) to the new one. Where the file
     * system has none or refuses to list them there is nothing to keep; one that cannot be written
     * stops the save rather than drop it.
     */
    private static void keepExtendedAttributes(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        UserDefinedFileAttributeView old = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        UserDefinedFileAttributeView fresh = Files.getFileAttributeView(temp, UserDefinedFileAttributeView.class);
        if (old == null || fresh == null) {
            return;
        }
        List<String> names;
        try {
            names = old.list();
        } catch (IOException | UnsupportedOperationException notSupported) {
            return;
        }
        for (String name : names) {
            ByteBuffer value = ByteBuffer.allocate(old.size(name));
            old.read(name, value);
            value.flip();
            try {
                fresh.write(name, value);
            } catch (IOException e) {
                throw new OwnerException(target + " has the extended attribute user." + name
                        + ", which the new file cannot keep (" + reason(e) + "); nothing was written");
            }
        }
    }

    /**
     * Gives the new file the old one's ACL ({@code hasAcl}); when the old one has none but the new one
     * took the folder's default ACL, that is removed, so replacing a file never changes who may read it.
     */
    private static void keepAcl(Path target, Path temp, boolean hasAcl) throws IOException {
        if (!Files.exists(target) || !(hasAcl || PosixAcl.present(temp))) {
            return;
        }
        try {
            PosixAcl.copy(target, temp);
        } catch (IOException e) {
            throw new OwnerException(target + (hasAcl ? " has " + PosixAcl.describe(target) + ", which the new file cannot keep"
                    : ": the new file took its folder's default ACL, which cannot be removed") + " (" + e.getMessage()
                    + "); nothing was written");
        }
    }

    /** Thrown when the new file could not keep the old one's owner, group or attributes: told, not silently changed. */
    private static final class OwnerException extends IOException {
        OwnerException(String message) {
            super(message);
        }
    }

    /** Gives {@code temp} the owner and group of {@code target}; refuses when they cannot be kept. */
    private static void keepOwner(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView fresh = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (old == null || fresh == null) {
            return;
        }
        var was = old.readAttributes();
        var now = fresh.readAttributes();
        try {
            if (!was.group().equals(now.group())) {
                fresh.setGroup(was.group());
            }
            if (!was.owner().equals(now.owner())) {
                fresh.setOwner(was.owner());
            }
        } catch (IOException | SecurityException e) {
            throw new OwnerException(target + " belongs to " + was.owner().getName() + ":" + was.group().getName()
                    + ", which a new file written by this user cannot keep; nothing was written (save as that user)");
        }
        Object links;
        try {
            links = Files.getAttribute(target, "unix:nlink");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return;
        }
        if (links instanceof Integer n && n > 1) {
            throw new OwnerException(target + " has " + n + " hard links; replacing it would split them from it;"
                    + " nothing was written");
        }
    }

    /** Temporary files a killed earlier write left beside {@code name} (".NAME.<digits>.tmp", older than a minute). */
    private static void removeStaleTemporaries(Path directory, String name) {
        String prefix = "." + name + ".";
        try (var siblings = Files.newDirectoryStream(directory, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.substring(prefix.length(), n.length() - 4).matches("\\d+");
        })) {
            long cutoff = System.currentTimeMillis() - 60_000;
            for (Path stale : siblings) {
                if (Files.getLastModifiedTime(stale).toMillis() < cutoff) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException | SecurityException ignored) {
            // best effort: a leftover is a dot file, which no include glob matches
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every file system lets a directory be opened; the rename itself is atomic
        }
    }

    /** The reason of an I/O failure without the temporary file's name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The file that really holds the content: links resolved by the file system (directory links
     * included), or for a file that does not exist yet, its folder's real path and its name.
     */
    static Path resolveLinks(Path path) throws IOException {
        return resolveLinks(path, 0);
    }

    private static Path resolveLinks(Path path, int hops) throws IOException {
        if (hops > 40) {
            throw new IOException(path + ": too many levels of symbolic links");
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        if (Files.isSymbolicLink(absolute)) {
            // A dangling link: write the file it names.
            Path link = Files.readSymbolicLink(absolute);
            Path named = link.isAbsolute() ? link : absolute.getParent().resolve(link);
            return resolveLinks(named, hops + 1);
        }
        Path parent = absolute.getParent();
        return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
    }

    private static Set<PosixFilePermission> posixPermissions(Path target) throws IOException {
        Path existing = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? target : null;
        PosixFileAttributeView view = Files.getFileAttributeView(
                existing != null ? existing : target.toAbsolutePath().getParent(), PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        // A new file gets the usual rw-r--r-- rather than the temporary file's private rw-------.
        return existing != null ? view.readAttributes().permissions() : PosixFilePermissions.fromString("rw-r--r--");
    }
}
