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
import java.util.Set;

/**
 * Writes a file so that a reader sees either the old or the new content, never half of it: the bytes go
 * to a temporary file in the same directory, are flushed to disk, take the old file's permissions, and
 * replace it by a rename. A symlink's target is written; the link stays a link.
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
        Path target = resolveLinks(path);
        Path directory = target.toAbsolutePath().getParent();
        Set<PosixFilePermission> permissions = posixPermissions(target);
        if (backup && Files.exists(target)) {
            Path bak = target.resolveSibling(target.getFileName() + ".bak");
            Files.copy(target, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
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
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return DiskSnapshot.of(path, bytes);
    }

    /** Follows a chain of symlinks to the file that really holds the content (which may not exist yet). */
    static Path resolveLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 40) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            current = link.isAbsolute() ? link : current.toAbsolutePath().getParent().resolve(link).normalize();
        }
        return current;
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
