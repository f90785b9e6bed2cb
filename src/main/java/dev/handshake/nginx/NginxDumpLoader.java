package dev.handshake.nginx;

import dev.handshake.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output of {@code nginx -T} as the whole include tree: nginx prints, after its {@code nginx: the
 * configuration file ... syntax is ok} lines (on standard error, so present only with {@code 2>&1}),
 * each file it read once, in the order it read them, as a line {@code # configuration file PATH:}, the
 * file's bytes exactly, and one newline. The first section is the main file. Every file is served from
 * its section, a file exists when it has a section, and a glob matches section paths: nothing is read
 * from disk.
 *
 * <p>The dump has no lengths, so a line inside a file that reads exactly {@code # configuration file
 * PATH:} would start a new section; nginx would have to have read such a file, which is the limit
 * documented in the README.
 */
public final class NginxDumpLoader implements SourceLoader {

    /** What starts each section's header line. */
    public static final String HEADER = "# configuration file ";

    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);

    private final Map<Path, SourceText> sections;

    private NginxDumpLoader(Map<Path, SourceText> sections) {
        this.sections = sections;
    }

    /**
     * Splits {@code dump} into its sections; text before the first header (nginx's own messages) is
     * skipped. A relative section path (nginx prints absolute ones) is taken against {@code base}. A path
     * printed twice keeps its first section. Never throws: a dump without sections has no {@link #mainFile}.
     */
    public static NginxDumpLoader parse(byte[] dump, Path base) {
        List<int[]> headers = new ArrayList<>();
        List<Path> names = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < dump.length) {
            int lineEnd = indexOf(dump, (byte) '\n', lineStart);
            int end = lineEnd < 0 ? dump.length : lineEnd;
            Optional<String> name = headerName(dump, lineStart, end);
            if (name.isPresent()) {
                headers.add(new int[] {lineStart, lineEnd < 0 ? dump.length : lineEnd + 1});
                names.add(base.resolve(name.get()).toAbsolutePath().normalize());
            }
            lineStart = end + 1;
        }
        Map<Path, SourceText> sections = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int from = headers.get(i)[1];
            int to = i + 1 < headers.size() ? headers.get(i + 1)[0] : dump.length;
            if (to > from && dump[to - 1] == '\n') {
                to--; // the newline nginx adds after each file
            }
            sections.putIfAbsent(names.get(i), SourceText.decode(Arrays.copyOfRange(dump, from, to)));
        }
        return new NginxDumpLoader(sections);
    }

    private static Optional<String> headerName(byte[] dump, int start, int end) {
        if (end - start <= HEADER_BYTES.length + 1 || dump[end - 1] != ':') {
            return Optional.empty();
        }
        for (int i = 0; i < HEADER_BYTES.length; i++) {
            if (dump[start + i] != HEADER_BYTES[i]) {
                return Optional.empty();
            }
        }
        String name = new String(dump, start + HEADER_BYTES.length, end - 1 - start - HEADER_BYTES.length,
                StandardCharsets.UTF_8);
        if (name.isBlank() || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            Path.of(name);
            return Optional.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The first section's path: the main configuration file nginx was started with. */
    public Optional<Path> mainFile() {
        return sections.keySet().stream().findFirst();
    }

    /** Every section's path, in the order nginx printed them. */
    public List<Path> paths() {
        return List.copyOf(sections.keySet());
    }

    @Override
    public SourceText load(Path file) throws IOException {
        SourceText text = sections.get(file.toAbsolutePath().normalize());
        if (text == null) {
            throw new NoSuchFileException(file.toString(), null, "not in the nginx -T output");
        }
        return text;
    }

    @Override
    public boolean exists(Path file) {
        return sections.containsKey(file.toAbsolutePath().normalize());
    }

    @Override
    public List<Path> files(Path directory, int depth) {
        Path normal = directory.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        for (Path section : sections.keySet()) {
            if (section.startsWith(normal) && !section.equals(normal)
                    && section.getNameCount() - normal.getNameCount() <= depth) {
                found.add(section);
            }
        }
        return found;
    }
}
