package dev.handshake.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened files, newest first, kept in the user's preferences. */
final class RecentFiles {

    private static final int LIMIT = 10;
    private static final String KEY = "recent-files";

    private final Preferences preferences;

    RecentFiles(Preferences preferences) {
        this.preferences = preferences;
    }

    static RecentFiles standard() {
        return new RecentFiles(Preferences.userRoot().node("dev/handshake/editor"));
    }

    List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (String line : preferences.get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                paths.add(Path.of(line));
            }
        }
        return paths;
    }

    void add(Path file) {
        List<Path> paths = list();
        Path normal = file.toAbsolutePath().normalize();
        paths.remove(normal);
        paths.add(0, normal);
        List<String> lines = new ArrayList<>();
        for (Path p : paths.subList(0, Math.min(LIMIT, paths.size()))) {
            lines.add(p.toString());
        }
        preferences.put(KEY, String.join("\n", lines));
    }
}
