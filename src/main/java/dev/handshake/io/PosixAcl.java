package dev.handshake.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A file's POSIX access ACL ({@code system.posix_acl_access}), which Java can neither read nor write:
 * {@code UserDefinedFileAttributeView} lists only {@code user.*} attributes and Linux has no
 * {@code AclFileAttributeView}. Whether a file has one is asked of {@code ls -ld} (coreutils, always
 * there: a {@code +} after the mode); the entries are read and copied with {@code getfacl} /
 * {@code setfacl} (Debian package {@code acl}) when installed. Each tool runs with a time bound.
 * Linux only: elsewhere a file is taken to have no ACL this class can see.
 */
public final class PosixAcl {

    private static final long TIMEOUT_SECONDS = 10;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private PosixAcl() {
    }

    /** True when {@code file} has ACL entries beyond its owner, group and other bits. */
    public static boolean present(Path file) throws IOException {
        if (!LINUX || !Files.exists(file)) {
            return false;
        }
        Optional<Path> ls = tool("ls");
        if (ls.isEmpty()) {
            return false;
        }
        Result listed = run(List.of(ls.get().toString(), "-ld", "--", file.toString()), null);
        if (listed.exit != 0) {
            return false;
        }
        String mode = listed.out.split(" ", 2)[0];
        return mode.length() == 11 && mode.charAt(10) == '+';
    }

    /**
     * The extra entries of {@code file}'s ACL for a message ({@code user:nobody:rw-, mask::rw-}), or
     * just "a POSIX ACL" when {@code getfacl} is not installed.
     */
    public static String describe(Path file) {
        Optional<Path> getfacl = tool("getfacl");
        if (getfacl.isPresent()) {
            try {
                Result read = run(List.of(getfacl.get().toString(), "--absolute-names", "--omit-header", "--skip-base",
                        "--", file.toString()), null);
                List<String> entries = new ArrayList<>();
                for (String line : read.out.split("\n")) {
                    if (!line.isBlank() && !line.startsWith("user::") && !line.startsWith("group::")
                            && !line.startsWith("other::") && !line.startsWith("#")) {
                        entries.add(line.trim());
                    }
                }
                if (read.exit == 0 && !entries.isEmpty()) {
                    return "a POSIX ACL (" + String.join(", ", entries) + ")";
                }
            } catch (IOException e) {
                // fall through: the short description still says there is one
            }
        }
        return "a POSIX ACL";
    }

    /** Why an ACL cannot be copied on this machine, or empty when it can. */
    public static Optional<String> whyNotCopyable() {
        if (tool("getfacl").isEmpty() || tool("setfacl").isEmpty()) {
            return Optional.of("getfacl/setfacl are not installed (Debian/Ubuntu: apt-get install acl)");
        }
        return Optional.empty();
    }

    /**
     * Gives {@code to} exactly {@code from}'s access ACL, owner, group and other entries included (so the
     * mode's group bits are the group's, not the ACL mask's).
     */
    public static void copy(Path from, Path to) throws IOException {
        Optional<String> why = whyNotCopyable();
        if (why.isPresent()) {
            throw new IOException(why.get());
        }
        Result read = run(List.of(tool("getfacl").get().toString(), "--absolute-names", "--omit-header", "--",
                from.toString()), null);
        if (read.exit != 0) {
            throw new IOException("getfacl failed: " + read.err.strip());
        }
        Result written = run(List.of(tool("setfacl").get().toString(), "--set-file=-", "--", to.toString()),
                read.out.getBytes(StandardCharsets.UTF_8));
        if (written.exit != 0) {
            throw new IOException("setfacl failed: " + written.err.strip());
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /**
     * The executable {@code name} on the PATH (or in /usr/bin, /bin). {@code -Dhandshake.acl.tools=FOLDER}
     * makes FOLDER the only place getfacl and setfacl are looked for: the tests' machine without them.
     */
    private static Optional<Path> tool(String name) {
        String only = System.getProperty("handshake.acl.tools");
        String path = System.getenv("PATH");
        List<String> folders = new ArrayList<>();
        if (only != null && !name.equals("ls")) {
            folders.add(only);
        } else {
            folders.addAll(List.of((path == null ? "" : path).split(":")));
            folders.addAll(List.of("/usr/bin", "/bin"));
        }
        for (String folder : folders) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Result run(List<String> command, byte[] input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread errors = reader(process.getErrorStream(), err);
        Thread output = reader(process.getInputStream(), out);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " gave no answer in " + TIMEOUT_SECONDS + " s");
            }
            output.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            errors.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread reader(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> drain(from, to), "handshake-acl-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void drain(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException ignored) {
            // the process ended; what was read is what there is
        }
    }
}
