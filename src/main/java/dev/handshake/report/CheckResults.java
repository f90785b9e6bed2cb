package dev.handshake.report;

import dev.handshake.lint.Diagnostic;
import dev.handshake.lint.LintResult;
import dev.handshake.lint.Severity;
import dev.handshake.nginx.ConfigFile;
import dev.handshake.text.LineIndex;
import dev.handshake.text.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run found over many main files: the status of each path asked for and every finding,
 * de-duplicated (an included file shared by several main files reports once), with the line index of
 * every file seen so positions can be shown.
 */
public final class CheckResults {

    private final PathStyle paths;
    private final List<FileStatus> files = new ArrayList<>();
    private final List<Diagnostic> findings = new ArrayList<>();
    /**
     * The identities of the findings in files more than one main file reached, built when a file is
     * reached the second time: findings in files one main file alone reaches need no set (the linter
     * already de-duplicated them), so a million findings in one file cost no million map entries.
     */
    private final Map<Path, Set<Diagnostic.Identity>> shared = new HashMap<>();
    private final Map<Path, LineIndex> lines = new HashMap<>();
    /** The file {@link #position} looked up last and its index: reports ask file after file, finding by finding. */
    private Path lastFile;
    private LineIndex lastLines;
    /** Findings per {@link Severity} ordinal, counted once after the last {@link #add}; null when stale. */
    private long[] bySeverity;

    public CheckResults(PathStyle paths) {
        this.paths = paths;
    }

    public PathStyle paths() {
        return paths;
    }

    /** Records a checked main file and its findings. */
    public void add(Path file, LintResult result) {
        files.add(new FileStatus(file, null));
        Set<Path> seenBefore = new HashSet<>();
        for (ConfigFile f : result.model().files()) {
            if (lines.putIfAbsent(f.path(), f.source().lines()) != null) {
                seenBefore.add(f.path());
            }
        }
        seenBefore.removeAll(shared.keySet());
        if (!seenBefore.isEmpty()) {
            for (Path p : seenBefore) {
                shared.put(p, new HashSet<>());
            }
            for (Diagnostic d : findings) {
                Set<Diagnostic.Identity> ids = shared.get(d.file());
                if (ids != null && seenBefore.contains(d.file())) {
                    ids.add(d.identity());
                }
            }
        }
        for (Diagnostic d : result.diagnostics()) {
            Set<Diagnostic.Identity> ids = shared.get(d.file());
            if (ids == null || ids.add(d.identity())) {
                findings.add(d);
            }
        }
        bySeverity = null;
        lastFile = null;
        lastLines = null;
    }

    /** Records a path that could not be read. */
    public void addFailure(Path file, String message) {
        files.add(new FileStatus(file, message));
    }

    public List<FileStatus> files() {
        return Collections.unmodifiableList(files);
    }

    public List<Diagnostic> findings() {
        return Collections.unmodifiableList(findings);
    }

    public boolean hasFailures() {
        return files.stream().anyMatch(f -> !f.ok());
    }

    /** True when some finding is at least as bad as {@code threshold}. */
    public boolean has(Severity threshold) {
        for (Severity s : Severity.values()) {
            if (s.atLeast(threshold) && count(s) > 0) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity severity) {
        long[] counts = bySeverity;
        if (counts == null) {
            counts = new long[Severity.values().length];
            for (Diagnostic d : findings) {
                counts[d.severity().ordinal()]++;
            }
            bySeverity = counts;
        }
        return counts[severity.ordinal()];
    }

    /** The shown position of {@code range} in {@code file}, when the file was part of the run. */
    public Optional<Position> position(Path file, TextRange range) {
        LineIndex index = file == lastFile ? lastLines : null;
        if (index == null) {
            index = lines.get(file);
            if (index == null) {
                index = lines.get(file.toAbsolutePath().normalize());
            }
            if (index == null) {
                return Optional.empty();
            }
            lastFile = file;
            lastLines = index;
        }
        try {
            return Optional.of(Position.of(index, range));
        } catch (IndexOutOfBoundsException stale) {
            return Optional.empty();
        }
    }

    /** Like {@link #position}, at line 1 column 1 for a file the run never read. */
    public Position positionOrStart(Path file, TextRange range) {
        return position(file, range).orElse(new Position(1, 1, 1, 1));
    }

    /** One line summing up the run, e.g. {@code 3 files checked: 1 error, 2 warnings, 0 infos}. */
    public String summary() {
        long checked = files.stream().filter(FileStatus::ok).count();
        long failed = files.size() - checked;
        String text = plural(checked, "file") + " checked: " + counts();
        return failed == 0 ? text : text + "; " + plural(failed, "path") + " could not be read";
    }

    /** The findings by severity, e.g. {@code 1 error, 2 warnings, 0 infos}. */
    public String counts() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.INFO), "info");
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
