package dev.handshake.ui.editor;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The live-analysis loop of one buffer, without JavaFX: a version counter bumped by every edit, work
 * run on a background executor, and results handed back on the owner's thread only when they are of
 * the current version (a result for an older text is dropped, never shown). Every method runs on the
 * owner's thread (the FX thread in the editor); only the work runs in the background.
 *
 * @param <T> a result, which knows the version it was computed for
 */
final class AnalysisLoop<T> {

    private final Supplier<LongFunction<T>> prepare;
    private final ToLongFunction<T> versionOf;
    private final Consumer<T> show;
    private final Executor background;
    private final Executor owner;
    private long version;
    /** {@link #version}, for the background to see that the text moved on before work started. */
    private volatile long current;
    private T latest;
    private boolean stopped;

    /**
     * @param prepare    captures what the work needs of the text as it is now (on the owner's thread)
     *                   and returns the work, which gets the version it computes
     * @param show       puts a current result on screen
     * @param background runs the work (one thread, so results arrive in the order asked)
     * @param owner      runs {@code show} and the callbacks ({@code Platform::runLater} in the editor)
     */
    AnalysisLoop(Supplier<LongFunction<T>> prepare, ToLongFunction<T> versionOf, Consumer<T> show,
                 Executor background, Executor owner) {
        this.prepare = prepare;
        this.versionOf = versionOf;
        this.show = show;
        this.background = background;
        this.owner = owner;
    }

    /** The text changed: every result computed for an earlier version is stale from now on. */
    void edited() {
        version++;
        current = version;
    }

    /** The version of the text as it is now. */
    long version() {
        return version;
    }

    /** The latest result shown, when it is of the current text; else {@code null}. */
    T latestIfCurrent() {
        return latest != null && versionOf.applyAsLong(latest) == version ? latest : null;
    }

    /** Computes a result for the current text in the background and shows it if still current. */
    void submit() {
        submit(null);
    }

    /**
     * Computes a result for the current text in the background; shows it if the text has not changed
     * meanwhile and hands it to {@code then} (may be null). A stale result is dropped, and {@code then}
     * waits for a current one (asked for at once).
     */
    void submit(Consumer<T> then) {
        if (stopped) {
            return;
        }
        LongFunction<T> work = prepare.get();
        long wanted = version;
        background.execute(() -> {
            if (then == null && wanted != current) {
                // The text changed while this waited: its result would be dropped, and the pause after
                // that change has asked for the current one. Nothing waits for this one, so skip it.
                return;
            }
            T result = work.apply(wanted);
            owner.execute(() -> deliver(result, then));
        });
    }

    private void deliver(T result, Consumer<T> then) {
        if (stopped) {
            return;
        }
        if (accept(result)) {
            if (then != null) {
                then.accept(result);
            }
        } else if (then != null) {
            withCurrent(then);
        }
    }

    /** Shows {@code result} if it is of the current version; false when it was dropped as stale. */
    boolean accept(T result) {
        if (stopped || versionOf.applyAsLong(result) != version) {
            return false;
        }
        latest = result;
        show.accept(result);
        return true;
    }

    /**
     * Runs {@code then} with a result of exactly the current text: at once when the latest one is
     * current, else when a background one (asked for now, without waiting for a pause) has caught up.
     */
    void withCurrent(Consumer<T> then) {
        T current = latestIfCurrent();
        if (current != null) {
            then.accept(current);
        } else {
            submit(then);
        }
    }

    /** No more work is started and no result is shown afterwards. */
    void stop() {
        stopped = true;
    }
}
