package dev.handshake.nginx;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns an {@code include} argument into files the way nginx does: relative to the directory of the
 * main configuration file, globs expanded and sorted. Path mappings let a config written for another
 * machine ({@code /config/nginx/proxy.conf}) be checked against local copies.
 */
public final class IncludeResolver {

    private final Path baseDirectory;
    private final Map<String, Path> mappings;
    private final SourceLoader loader;

    /**
     * @param baseDirectory where relative include paths start: the main file's directory
     * @param mappings      absolute path prefixes (as written in configs) mapped to local directories
     */
    public IncludeResolver(Path baseDirectory, Map<String, Path> mappings) {
        this(baseDirectory, mappings, SourceLoader.fileSystem());
    }

    /** As above, with globs expanded over the files {@code loader} lists instead of the disk's. */
    public IncludeResolver(Path baseDirectory, Map<String, Path> mappings, SourceLoader loader) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.mappings = new LinkedHashMap<>(mappings);
        this.loader = loader;
    }

    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** The path a plain include names, after mappings and relative resolution. */
    public Path resolve(String pattern) {
        String mapped = pattern;
        for (Map.Entry<String, Path> m : mappings.entrySet()) {
            String prefix = m.getKey().endsWith("/") ? m.getKey() : m.getKey() + "/";
            if (mapped.startsWith(prefix) || mapped.equals(m.getKey())) {
                String rest = mapped.length() > prefix.length() ? mapped.substring(prefix.length()) : "";
                return m.getValue().resolve(rest).toAbsolutePath().normalize();
            }
        }
        Path p = Path.of(mapped);
        return (p.isAbsolute() ? p : baseDirectory.resolve(p)).normalize();
    }

    /**
     * The files an include names: for a plain path, that path (which may not exist); for a glob, the
     * existing regular files it matches (as the loader lists them), sorted by path.
     */
    public List<Path> expand(String pattern) throws IOException {
        Path resolved = resolve(pattern);
        if (!isGlob(pattern)) {
            return List.of(resolved);
        }
        Path root = resolved.getRoot();
        Path fixed = root;
        int globAt = 0;
        for (int i = 0; i < resolved.getNameCount(); i++) {
            if (isGlob(resolved.getName(i).toString())) {
                globAt = i;
                break;
            }
            fixed = fixed == null ? resolved.getName(i) : fixed.resolve(resolved.getName(i));
        }
        if (fixed == null) {
            return List.of();
        }
        int depth = resolved.getNameCount() - globAt;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + escapeForMatcher(resolved.toString()));
        int fixedCount = fixed.getNameCount();
        try {
            return loader.files(fixed, depth).stream()
                    .filter(p -> p.getNameCount() == resolved.getNameCount())
                    .filter(matcher::matches)
                    .filter(p -> !hiddenFromGlob(p, resolved, fixedCount))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * glob(3), which nginx uses, never lets a wildcard match a leading dot: {@code *.conf} does not
     * reach {@code .a.conf.swp} or Handshake's own {@code .a.conf.123.tmp}. Java's matcher does.
     */
    private static boolean hiddenFromGlob(Path file, Path pattern, int from) {
        for (int i = from; i < file.getNameCount(); i++) {
            if (file.getName(i).toString().startsWith(".") && !pattern.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** nginx's glob has no {@code {a,b}} alternatives; Java's does, so braces are escaped. */
    private static String escapeForMatcher(String pattern) {
        return pattern.replace("{", "\\{").replace("}", "\\}");
    }
}
