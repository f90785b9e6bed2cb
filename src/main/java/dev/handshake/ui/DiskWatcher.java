package dev.handshake.ui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Tells the window when a file in a watched folder changes on disk (another editor, a deploy, git):
 * {@code changed} runs on the FX thread with the file's absolute path. Folders are those of open files
 * and of the files their analyses read; watching is best effort (a folder that cannot be watched is
 * still checked when saving).
 */
final class DiskWatcher implements AutoCloseable {

    private final WatchService service;
    private final Set<Path> folders = new HashSet<>();
    private final Thread thread;

    DiskWatcher(Consumer<Path> changed) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        thread = new Thread(() -> loop(changed), "handshake-disk-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching the folder of {@code file} (once per folder). */
    void watchFolderOf(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !folders.add(folder)) {
            return;
        }
        try {
            folder.register(service, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            folders.remove(folder);
        }
    }

    private void loop(Consumer<Path> changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                Set<Path> files = new HashSet<>();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        files.add(folder.resolve(name).toAbsolutePath().normalize());
                    }
                }
                key.reset();
                for (Path file : files) {
                    Platform.runLater(() -> changed.accept(file));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed with the window
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
