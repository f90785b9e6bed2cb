package dev.handshake;

import dev.handshake.diff.TextDiff;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.opentest4j.AssertionFailedError;

/**
 * Snapshot files ({@code .snap}) under {@code src/test/resources}: what a test produced, written out
 * once, reviewed like code, then compared on every run.
 *
 * <p>A snapshot file is an optional <em>header</em> written by hand (notes, and settings the test
 * reads, e.g. {@code # inputs: sni-name=a.example}), a {@value #SEPARATOR} line, then the <em>body</em>
 * the test renders. The header is never rewritten; the body is compared exactly, except that white
 * space at the end of a line is dropped (editors strip it; a test that must show it marks it).
 *
 * <p>{@code -Dsnapshots.update=true} writes every snapshot that is missing or differs (keeping its
 * header) <em>and still fails that test</em>, naming the files written: an update is never silent, so a
 * CI run with the switch on cannot pass over a change; review the files with {@code git diff} and run
 * again without the switch. A snapshot that is missing without the switch fails with the command that
 * creates it.
 */
public final class Snapshots {

    /** The system property that turns writing on. */
    public static final String UPDATE = "snapshots.update";
    /** The line between the hand-written header and the rendered body. */
    public static final String SEPARATOR = "---";
    /** Longest range {@link #excerpt} shows whole. */
    public static final int MAX_EXCERPT_LINES = 6;

    private Snapshots() {
    }

    /**
     * One input of a snapshot test.
     *
     * @param file     the input in the class-path copy of the resources
     * @param name     its path below the folder, with {@code /}
     * @param snapshot the resource of its snapshot: the same path ending {@code .snap} instead of {@code .conf}
     */
    public record Input(Path file, String name, String snapshot) {
    }

    /**
     * A test per {@code .conf} file exactly {@code depth} levels below the resource folder {@code folder}
     * whose name {@code accept}s, in name order; none found is a failure.
     */
    public static Stream<DynamicTest> forEachInput(String folder, int depth, Predicate<String> accept,
                                                   ThrowingConsumer<Input> test) {
        Path root = classPathFolder(folder);
        List<Input> inputs;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            inputs = walk.filter(p -> root.relativize(p).getNameCount() == depth)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".conf") && accept.test(n)).sorted()
                    .map(n -> new Input(root.resolve(n), n, folder + "/" + n.replaceAll("\\.conf$", ".snap")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (inputs.isEmpty()) {
            throw new AssertionError("no inputs (*.conf) under " + root);
        }
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> test.accept(input)));
    }

    private static Path classPathFolder(String folder) {
        try {
            return Path.of(Snapshots.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code -Dsnapshots.update=true}. */
    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /**
     * The source file of {@code resource} (a path under {@code src/test/resources}): snapshots are read
     * and written there, not in the class-path copy, so an update is what the next run compares with.
     */
    public static Path sourceFile(String resource) {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Paths.get(base, "src", "test", "resources").resolve(resource).normalize();
    }

    /** The hand-written header of snapshot {@code resource}, without the separator; empty when there is none. */
    public static String header(String resource) {
        return header(sourceFile(resource));
    }

    static String header(Path file) {
        if (!Files.exists(file)) {
            return "";
        }
        String text = read(file);
        int separator = separatorAt(text);
        return separator < 0 ? "" : text.substring(0, separator);
    }

    /**
     * Checks that the body of snapshot {@code resource} equals {@code body} exactly; with the update
     * switch, writes it first (then fails, naming the file) when it was missing or differed.
     *
     * @param testName how to run just this test, for the hint of a missing snapshot
     */
    public static void assertMatches(String resource, String body, String testName) {
        check(sourceFile(resource), body, testName, updating());
    }

    static void check(Path file, String body, String testName, boolean update) {
        boolean exists = Files.exists(file);
        String expected = exists ? read(file) : null;
        String actual = header(file) + SEPARATOR + "\n" + body.replaceAll("[ \t]+(?=\n|$)", "");
        if (actual.equals(expected)) {
            return;
        }
        String command = "./mvnw -o test -Dtest='" + testName + "' -D" + UPDATE + "=true";
        if (update) {
            write(file, actual);
            throw new AssertionError((exists ? "updated" : "created") + " snapshot " + file
                    + ": review it (git diff), then run again without -D" + UPDATE);
        }
        if (!exists) {
            throw new AssertionError("missing snapshot " + file + ": create it with " + command
                    + ", then review what it wrote");
        }
        String diff = TextDiff.between(expected, actual).unified("snapshot " + file.getFileName(), "actual");
        throw new AssertionFailedError("snapshot " + file + " differs (- snapshot, + actual); if the change"
                + " is right, accept it with " + command + "\n" + diff, expected, actual);
    }

    /** {@code 7:13-7:46}: the 1-based line and column of both ends of {@code range} (end exclusive). */
    public static String where(LineIndex lines, TextRange range) {
        return lines.line(range.start()) + ":" + lines.column(range.start()) + "-"
                + lines.line(range.end()) + ":" + lines.column(range.end());
    }

    /**
     * The lines {@code range} spans, with a gutter of line numbers and {@code ^} under the exact
     * characters of the range (one {@code ^} for an empty range); each line indented by {@code indent}.
     * Tabs before a caret stay tabs, so carets line up whatever the tab width. A range over more than
     * {@value #MAX_EXCERPT_LINES} lines shows its first and last two lines around a {@code :} line.
     */
    public static String excerpt(String text, LineIndex lines, TextRange range, String indent) {
        int first = lines.line(range.start());
        int last = lines.line(range.end());
        if (last > first && lines.column(range.end()) == 1) {
            last--;
        }
        int width = String.valueOf(last).length();
        String blank = indent + " ".repeat(width) + " |";
        StringBuilder out = new StringBuilder(blank).append('\n');
        for (int line = first; line <= last; line++) {
            if (last - first + 1 > MAX_EXCERPT_LINES && line == first + 2) {
                out.append(indent).append(String.format("%" + width + "s", ":")).append(" |\n");
                line = last - 2;
                continue;
            }
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line, text);
            String source = text.substring(start, end);
            out.append(indent).append(String.format("%" + width + "d", line)).append(" | ").append(source).append('\n');
            int from = Math.max(range.start(), start) - start;
            int to = Math.min(range.end(), end) - start;
            int carets = range.isEmpty() ? 1 : to - from;
            if (carets > 0) {
                StringBuilder under = new StringBuilder();
                for (int i = 0; i < from; i++) {
                    under.append(i < source.length() && source.charAt(i) == '\t' ? '\t' : ' ');
                }
                out.append(blank).append(' ').append(under).append("^".repeat(carets)).append('\n');
            }
        }
        return out.append(blank).append('\n').toString();
    }

    /** Offset of the separator line (at the very start or after a line break), or -1. */
    private static int separatorAt(String text) {
        if (text.startsWith(SEPARATOR + "\n")) {
            return 0;
        }
        int at = text.indexOf("\n" + SEPARATOR + "\n");
        return at < 0 ? -1 : at + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
