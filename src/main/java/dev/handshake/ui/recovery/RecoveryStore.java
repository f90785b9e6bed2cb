package dev.handshake.ui.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.io.AtomicWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recovery folder: one JSON file per unsaved document, named by a key (the document's path, hashed,
 * or {@code untitled-N}), holding the original path, the tab's name and the buffer's text. The folder is
 * made private (mode 700) and each file is mode 600, since a buffer may hold secrets; every write is
 * atomic ({@link AtomicWriter}), so a crash mid-write leaves the previous version.
 */
public final class RecoveryStore {

    /** How recovery files end; anything else in the folder is not one. */
    public static final String SUFFIX = ".recovery";
    private static final String FORMAT = "handshake-recovery";
    private static final int VERSION = 1;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,120}");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recovery file: the document it saves (its path, empty for an untitled buffer), its name and text. */
    public record Entry(String key, Path file, Optional<Path> original, String name, String text, Instant written) {
    }

    /** The recovery files found, and one line about files in the folder that are not (or not readable) ones. */
    public record Listing(List<Entry> entries, Optional<String> ignored) {
    }

    /** When this process started, which with its pid tells a running owner from a reused pid. */
    private static final String STARTED = ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("");

    private final Path folder;
    private final Set<String> claimedUntitled = new HashSet<>();

    public RecoveryStore(Path folder) {
        this.folder = folder;
    }

    /**
     * The standard folder, {@code STATE/recovery}, where STATE is the {@code handshake.state} system
     * property when set (tests), else {@code $XDG_STATE_HOME/handshake}, else {@code ~/.local/state/handshake}.
     */
    public static RecoveryStore standard() {
        return new RecoveryStore(stateDirectory(System.getProperty("handshake.state"), System.getenv("XDG_STATE_HOME"),
                System.getProperty("user.home")).resolve("recovery"));
    }

    /** The state directory from the override, {@code XDG_STATE_HOME} and the home directory (the one place they are read). */
    static Path stateDirectory(String override, String xdgStateHome, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        // The XDG spec: a relative XDG_STATE_HOME is invalid and ignored.
        if (xdgStateHome != null && !xdgStateHome.isBlank() && Path.of(xdgStateHome).isAbsolute()) {
            return Path.of(xdgStateHome, "handshake");
        }
        return Path.of(home, ".local", "state", "handshake");
    }

    public Path folder() {
        return folder;
    }

    /** The key of a document read from or saved to {@code original}: its file name and a hash of its full path. */
    public static String keyFor(Path original) {
        Path normal = original.toAbsolutePath().normalize();
        String name = normal.getFileName() == null ? "root" : normal.getFileName().toString();
        String readable = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.toString().getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A key {@code untitled-N} for an untitled buffer: the smallest N used neither by a file in the
     * folder (one left by a crashed session) nor by another buffer of this store.
     */
    public synchronized String claimUntitled() {
        for (int n = 1; ; n++) {
            String key = "untitled-" + n;
            if (!claimedUntitled.contains(key) && !Files.exists(fileOf(key), LinkOption.NOFOLLOW_LINKS)) {
                claimedUntitled.add(key);
                return key;
            }
        }
    }

    /** Marks {@code key} (a restored untitled buffer's) as used by this store. */
    public synchronized void claim(String key) {
        claimedUntitled.add(key);
    }

    private Path fileOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a recovery key: " + key);
        }
        return folder.resolve(key + SUFFIX);
    }

    /** Writes (atomically) the recovery file of {@code key}: the document at {@code original} (null: untitled). */
    public void write(String key, Path original, String name, String text) throws IOException {
        Path file = fileOf(key);
        ensureFolder();
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("path", original == null ? null : original.toAbsolutePath().normalize().toString());
        json.put("name", name);
        json.put("written", Instant.now().toString());
        json.put("pid", ProcessHandle.current().pid());
        json.put("started", STARTED);
        json.put("text", text);
        if (isPosix() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                // Created private first: the atomic writer then keeps the file's mode on every rewrite.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
            } catch (FileAlreadyExistsException raced) {
                // another write made it first; it is private too
            }
        }
        AtomicWriter.withoutBackup().write(file, JSON.writeValueAsBytes(json));
    }

    /** Removes the recovery file of {@code key}; nothing happens when there is none. */
    public void remove(String key) throws IOException {
        Files.deleteIfExists(fileOf(key));
        synchronized (this) {
            claimedUntitled.remove(key);
        }
    }

    /**
     * The recovery files in the folder, oldest first. A file that is not one (another name, unreadable,
     * not Handshake's JSON, a directory) is left alone and named in {@link Listing#ignored}; the atomic
     * writer's hidden temporary files are skipped without a word.
     */
    public Listing list() {
        List<Entry> entries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(List.of(), Optional.empty());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") && fileName.endsWith(".tmp")) {
                    continue;
                }
                Optional<Entry> entry = fileName.endsWith(SUFFIX) ? read(file) : Optional.empty();
                if (entry.isPresent()) {
                    if (!ownedByAnotherRunningProcess(file)) {
                        entries.add(entry.get());
                    }
                } else {
                    ignored.add(fileName);
                }
            }
        } catch (IOException e) {
            return new Listing(List.of(), Optional.of("Cannot read the recovery folder " + folder + ": " + e.getMessage()));
        }
        entries.sort(Comparator.comparing(Entry::written).thenComparing(Entry::key));
        ignored.sort(null);
        Optional<String> line = ignored.isEmpty() ? Optional.empty() : Optional.of("Recovery folder " + folder
                + ": ignored " + ignored.size() + (ignored.size() == 1 ? " file" : " files")
                + " that " + (ignored.size() == 1 ? "is" : "are") + " not Handshake recovery files ("
                + String.join(", ", ignored) + ")");
        return new Listing(List.copyOf(entries), line);
    }

    /**
     * True when the file was written by another Handshake that is still running (same pid, same start
     * time): its buffers are alive there, so they are not offered here.
     */
    private static boolean ownedByAnotherRunningProcess(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            long pid = json.path("pid").asLong(-1);
            String started = json.path("started").asText("");
            if (pid <= 0 || pid == ProcessHandle.current().pid() || started.isEmpty()) {
                return false;
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().startInstant()).map(Instant::toString).filter(started::equals).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Entry> read(Path file) {
        String fileName = file.getFileName().toString();
        String key = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (!KEY.matcher(key).matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())
                    || json.path("version").asInt() != VERSION || !json.path("text").isTextual()
                    || !json.path("name").isTextual()) {
                return Optional.empty();
            }
            JsonNode path = json.path("path");
            Optional<Path> original = path.isTextual() ? Optional.of(Path.of(path.asText())) : Optional.empty();
            Instant written;
            try {
                written = Instant.parse(json.path("written").asText());
            } catch (java.time.format.DateTimeParseException e) {
                written = Files.getLastModifiedTime(file).toInstant();
            }
            return Optional.of(new Entry(key, file, original, json.path("name").asText(), json.path("text").asText(), written));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Creates the folder (and the state directory) private to the user, and makes an existing one private. */
    private void ensureFolder() throws IOException {
        if (!isPosix()) {
            Files.createDirectories(folder);
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
        }
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(folder)) {
                throw exists;
            }
        }
        // The mode asked for at creation is narrowed by the umask only; an existing folder is made private too.
        Files.setPosixFilePermissions(folder, PRIVATE_FOLDER);
    }

    private boolean isPosix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
