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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a file so that a reader sees either the old or the new content, never half of it: the bytes go
 * to a temporary dot file in the same directory, are flushed to disk, take the old file's permissions,
 * owner and group, and replace it by a rename, after which the directory is synced. A symlink's target
 * (resolved by the file system) is written; the link stays a link. It refuses, before writing anything,
 * to replace a FIFO or device, to change a file's owner, or to split a hard-linked file.
 */
public final class AtomicWriter {

    private final boolean backup;

    private AtomicWriter(boolean backup) {
        this.backup = backup;
    }

    public static AtomicWriter withoutBackup() {
        return new AtomicWriter(false);
    }

    /** Before replacing a file, keeps its previous content as {@code NAME.bak} beside it. */
    public static AtomicWriter withBackup() {
        return new AtomicWriter(true);
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
                p.checkUnchanged();
            }
            List<DiskSnapshot> written = new ArrayList<>();
            for (Prepared p : prepared) {
                p.commit();
                written.add(DiskSnapshot.of(p.requested, p.bytes));
            }
            return written;
        } finally {
            for (Prepared p : prepared) {
                Files.deleteIfExists(p.temp);
            }
        }
    }

    /** A temporary file written and synced beside its target, not yet renamed over it. */
    private final class Prepared {
        private final Path requested;
        private final Path target;
        private final Path temp;
        private final byte[] bytes;
        private final byte[] expected;

        Prepared(Path requested, Path target, Path temp, byte[] bytes, byte[] expected) {
            this.requested = requested;
            this.target = target;
            this.temp = temp;
            this.bytes = bytes;
            this.expected = expected;
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
                Files.copy(target, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
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
        Path temp;
        try {
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e) + " (in " + directory + ")", e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            keepOwner(target, temp);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e instanceof OwnerException ? e : new IOException("cannot write " + target + ": " + reason(e), e);
        }
        return new Prepared(path, target, temp, bytes, expected);
    }

    /** Thrown when the new file could not keep the old one's owner or group: told, not silently changed. */
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
