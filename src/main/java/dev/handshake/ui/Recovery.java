package dev.handshake.ui;

import dev.handshake.ui.recovery.Autosaver;
import dev.handshake.ui.recovery.RecoveryStore;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Keeps a recovery copy of every modified document: a few seconds after a change (at most one write per
 * {@link #DELAY}, so steady typing is saved too) the buffer is handed to the background {@link Autosaver};
 * the copy goes when the document is saved, reverted or closed with Don't Save. Off (does nothing)
 * unless the window is given a store, so test windows never write into the user's state directory.
 */
final class Recovery {

    /** How long after a change its recovery copy is written at the latest. */
    static final Duration DELAY = Duration.seconds(2);

    /** What the recovery knows of one document: its untitled key, and the key of the copy on disk. */
    private static final class Tracked {
        String untitledKey;
        String writtenKey;
        PauseTransition timer;
    }

    private final Autosaver saver;
    private final Duration delay;
    private final Map<Document, Tracked> tracked = new HashMap<>();

    Recovery(Autosaver saver, Duration delay) {
        this.saver = saver;
        this.delay = delay;
    }

    static Recovery off() {
        return new Recovery(null, DELAY);
    }

    boolean isOn() {
        return saver != null;
    }

    RecoveryStore store() {
        return saver.store();
    }

    Autosaver saver() {
        return saver;
    }

    private Tracked tracked(Document document) {
        return tracked.computeIfAbsent(document, d -> {
            Tracked t = new Tracked();
            t.timer = new PauseTransition(delay);
            t.timer.setOnFinished(e -> writeNow(d, t));
            return t;
        });
    }

    /** The buffer of {@code document} changed: its copy is written within {@link #DELAY} unless it is unmodified. */
    void edited(Document document) {
        if (saver == null || !document.editor().modifiedProperty().get()) {
            return;
        }
        Tracked t = tracked(document);
        if (t.timer.getStatus() != Animation.Status.RUNNING) {
            t.timer.playFromStart();
        }
    }

    private void writeNow(Document document, Tracked t) {
        if (!document.editor().modifiedProperty().get()) {
            return;
        }
        String key = keyOf(document, t);
        if (t.writtenKey != null && !t.writtenKey.equals(key)) {
            saver.remove(t.writtenKey);
        }
        saver.save(key, document.savedPath(), document.name(), document.editor().text());
        t.writtenKey = key;
    }

    private String keyOf(Document document, Tracked t) {
        if (document.savedPath() != null) {
            return RecoveryStore.keyFor(document.savedPath());
        }
        if (t.untitledKey == null) {
            t.untitledKey = saver.store().claimUntitled();
        }
        return t.untitledKey;
    }

    /** The document was saved, reverted, undone to its saved text or discarded: its copy goes. */
    void forget(Document document) {
        Tracked t = saver == null ? null : tracked.get(document);
        if (t == null) {
            return;
        }
        t.timer.stop();
        if (t.writtenKey != null) {
            saver.remove(t.writtenKey);
            t.writtenKey = null;
        }
    }

    /** The document was closed (after Save or Don't Save): its copy goes and it is no longer followed. */
    void closed(Document document) {
        forget(document);
        Tracked t = tracked.remove(document);
        if (t != null && t.untitledKey != null) {
            saver.remove(t.untitledKey); // gives the number back
        }
    }

    /** {@code document} now holds {@code entry}'s text: it takes over that recovery file (kept until saved or discarded). */
    void adopt(Document document, RecoveryStore.Entry entry) {
        if (saver == null) {
            return;
        }
        Tracked t = tracked(document);
        if (entry.original().isEmpty()) {
            saver.store().claim(entry.key());
            t.untitledKey = entry.key();
        }
        t.writtenKey = entry.key();
    }

    /** The user discarded {@code entry} in the restore offer. */
    void discard(RecoveryStore.Entry entry) {
        saver.remove(entry.key());
    }

    /** Stops the timers and lets the queued writes finish. */
    void dispose() {
        tracked.values().forEach(t -> t.timer.stop());
        if (saver != null) {
            saver.close();
        }
    }
}
