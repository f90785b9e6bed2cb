package dev.handshake.ui.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes and removes recovery files on one background thread, in the order they were asked for (so a
 * removal after a save is never overtaken by that save's write). A failure is reported in one line and
 * never stops the editor.
 */
public final class Autosaver implements AutoCloseable {

    private final RecoveryStore store;
    private final Consumer<String> problems;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "handshake-recovery");
        t.setDaemon(true);
        return t;
    });

    /** @param problems told (on the background thread) in one line when a recovery file cannot be written or removed */
    public Autosaver(RecoveryStore store, Consumer<String> problems) {
        this.store = store;
        this.problems = problems;
    }

    public RecoveryStore store() {
        return store;
    }

    /** Queues writing {@code text} as the recovery file of {@code key} (the document at {@code original}, null: untitled). */
    public void save(String key, Path original, String name, String text) {
        submit(() -> {
            try {
                store.write(key, original, name, text);
            } catch (IOException | RuntimeException e) {
                problems.accept("Cannot write the recovery copy of " + name + " in " + store.folder() + ": " + e.getMessage());
            }
        });
    }

    /** Queues removing the recovery file of {@code key}. */
    public void remove(String key) {
        submit(() -> {
            try {
                store.remove(key);
            } catch (IOException | RuntimeException e) {
                problems.accept("Cannot remove the recovery file " + key + RecoveryStore.SUFFIX + ": " + e.getMessage());
            }
        });
    }

    private void submit(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(task);
        }
    }

    /** Waits until everything queued so far is on disk (a clean exit, and tests); false after {@code seconds}. */
    public boolean flush(long seconds) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        submit(done::countDown);
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /** Finishes the queued writes and removals (for a few seconds at most) and stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
