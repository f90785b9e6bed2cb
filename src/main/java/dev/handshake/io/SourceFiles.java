package dev.handshake.io;

import dev.handshake.text.SourceText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens config files: refuses what is not a readable text file, decodes the rest losslessly. */
public final class SourceFiles {

    /** Files above this size are refused outright. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Files above this size are opened, but live analysis may be limited. */
    public static final long LARGE_BYTES = 4L * 1024 * 1024;

    private static final int SNIFF_BYTES = 8192;

    private SourceFiles() {
    }

    /** Reads and decodes {@code path}, or says in one line why it cannot be a config file. */
    public static SourceText read(Path path) throws SourceReadException {
        return SourceText.decode(readBytes(path));
    }

    /** Reads {@code path} as raw bytes after the same checks as {@link #read(Path)}. */
    public static byte[] readBytes(Path path) throws SourceReadException {
        if (!Files.exists(path)) {
            throw new SourceReadException(SourceReadException.Kind.NOT_FOUND, path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new SourceReadException(SourceReadException.Kind.NOT_A_FILE, path, "is a directory, not a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceReadException(SourceReadException.Kind.NOT_A_FILE, path, "is not a regular file");
        }
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new SourceReadException(SourceReadException.Kind.TOO_LARGE, path,
                        "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            // A size of 0 is what /proc and /sys report for files that never end (/proc/kmsg blocks
            // forever): such a file is refused by name, an ordinary empty file is read as empty, and
            // nothing is read without a bound.
            if (Files.size(path) == 0) {
                String kernelFs = kernelFileSystem(path);
                if (kernelFs != null) {
                    throw new SourceReadException(SourceReadException.Kind.NOT_A_FILE, path, "is a file of the kernel's "
                            + kernelFs + " file system, which gives no size, so it is not read (some, like /proc/kmsg, never end)");
                }
            }
            bytes = Files.size(path) == 0 ? new byte[0] : readBounded(path);
            if (bytes.length > MAX_BYTES) {
                throw new SourceReadException(SourceReadException.Kind.TOO_LARGE, path,
                        "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
        } catch (NoSuchFileException e) {
            throw new SourceReadException(SourceReadException.Kind.NOT_FOUND, path, "no such file");
        } catch (AccessDeniedException e) {
            throw new SourceReadException(SourceReadException.Kind.UNREADABLE, path, "permission denied");
        } catch (SourceReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(SourceReadException.Kind.UNREADABLE, path,
                    "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (looksBinary(bytes)) {
            throw new SourceReadException(SourceReadException.Kind.BINARY, path, "is a binary file, not a text config");
        }
        return bytes;
    }

    private static final java.util.Set<String> KERNEL_FILE_SYSTEMS = java.util.Set.of(
            "proc", "sysfs", "debugfs", "tracefs", "securityfs", "configfs", "cgroup", "cgroup2", "pstore", "bpf",
            "efivarfs", "fusectl");

    /** The type of the kernel's pseudo file system {@code path} is on ({@code proc}, {@code sysfs}...), or null. */
    static String kernelFileSystem(Path path) {
        try {
            String type = Files.getFileStore(path).type();
            return KERNEL_FILE_SYSTEMS.contains(type) ? type : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** At most one byte past {@link #MAX_BYTES}, however long the file turns out to be while it is read. */
    private static byte[] readBounded(Path path) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return in.readNBytes((int) MAX_BYTES + 1);
        }
    }

    /**
     * Reads a config from a stream (standard input, a pipe) with the checks of {@link #readBytes(Path)}:
     * at most {@link #MAX_BYTES}, not binary. {@code name} is what messages call it.
     */
    public static byte[] readBytes(InputStream in, Path name) throws SourceReadException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new SourceReadException(SourceReadException.Kind.UNREADABLE, name,
                    "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new SourceReadException(SourceReadException.Kind.TOO_LARGE, name,
                    "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        if (looksBinary(bytes)) {
            throw new SourceReadException(SourceReadException.Kind.BINARY, name, "is binary, not a text config");
        }
        return bytes;
    }

    /** True when the file is big enough that the editor should limit live analysis. */
    public static boolean isLarge(SourceText text) {
        return text.text().length() > LARGE_BYTES;
    }

    /**
     * A NUL byte in the first 8 KiB, or more than 10% control characters other than tab, CR, LF and
     * form feed, marks a binary file. Text in any 8-bit encoding passes.
     */
    static boolean looksBinary(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return length > 0 && control * 10 > length;
    }
}
