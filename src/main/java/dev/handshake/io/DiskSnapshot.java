package dev.handshake.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a file on disk looked like when it was read or written, so a later save can tell whether
 * someone else changed it in between.
 *
 * @param path   the file
 * @param exists whether it existed
 * @param digest SHA-256 of its bytes (empty when it did not exist)
 */
public record DiskSnapshot(Path path, boolean exists, byte[] digest) {

    public DiskSnapshot {
        digest = digest.clone();
    }

    /** The snapshot of {@code bytes} as the content of {@code path}. */
    public static DiskSnapshot of(Path path, byte[] bytes) {
        return new DiskSnapshot(path, true, sha256(bytes));
    }

    /** Reads {@code path} now; a missing file gives a snapshot that says so. */
    public static DiskSnapshot take(Path path) throws IOException {
        if (!Files.exists(path)) {
            return new DiskSnapshot(path, false, new byte[0]);
        }
        return of(path, Files.readAllBytes(path));
    }

    /** True when the file on disk is no longer what this snapshot saw. */
    public boolean changedOnDisk() throws IOException {
        DiskSnapshot now = take(path);
        return now.exists != exists || !Arrays.equals(now.digest, digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiskSnapshot that && path.equals(that.path) && exists == that.exists
                && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(digest);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
