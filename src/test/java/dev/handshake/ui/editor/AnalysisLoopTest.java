package dev.handshake.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The editor's analysis loop without JavaFX: both the background and the owner's thread are queues the
 * test runs by hand, so every interleaving of edits and results is chosen, not timed.
 */
class AnalysisLoopTest {

    /** A result: the version analysed and the text it was computed from. */
    record Result(long version, String text) {
    }

    /** Runs queued tasks only when told to, in the order chosen. */
    static final class Queue implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }

        void runNewestFirst() {
            while (!tasks.isEmpty()) {
                tasks.pollLast().run();
            }
        }
    }

    private final Queue background = new Queue();
    private final Queue owner = new Queue();
    private final List<Result> shown = new ArrayList<>();
    private String text = "a";
    private final AnalysisLoop<Result> loop = new AnalysisLoop<>(this::prepare, Result::version, shown::add,
            background, owner);

    private final List<Long> computed = new ArrayList<>();

    private LongFunction<Result> prepare() {
        String captured = text; // what the editor's snapshot of the document is
        return version -> {
            computed.add(version);
            return new Result(version, captured.toUpperCase(java.util.Locale.ROOT));
        };
    }

    private void edit(String newText) {
        text = newText;
        loop.edited();
    }

    private void settle() {
        while (!background.tasks.isEmpty() || !owner.tasks.isEmpty()) {
            background.runAll();
            owner.runAll();
        }
    }

    @Test
    void workForATextAlreadyEditedAgainIsSkippedUnlessSomeoneWaitsForIt() {
        loop.submit();
        edit("ab");
        loop.submit();
        List<Result> waited = new ArrayList<>();
        edit("abc");
        loop.submit(waited::add);
        settle();
        assertEquals(List.of(2L), computed, "the two analyses of older texts were never computed");
        assertEquals(List.of(new Result(2, "ABC")), shown);
        assertEquals(List.of(new Result(2, "ABC")), waited);
        List<Result> later = new ArrayList<>();
        loop.submit(later::add);
        edit("abcd");
        settle();
        assertEquals(List.of(new Result(3, "ABCD")), later, "a waiting caller still gets a current result");
        assertEquals(List.of(2L, 2L, 3L), computed);
    }

    @Test
    void aCurrentResultIsShownAndIsTheLatest() {
        loop.submit();
        settle();
        assertEquals(List.of(new Result(0, "A")), shown);
        assertEquals(new Result(0, "A"), loop.latestIfCurrent());
        edit("ab");
        assertNull(loop.latestIfCurrent(), "after an edit the shown result is no longer current");
    }

    @Test
    void aResultForAnOldVersionIsNeverShown() {
        loop.submit();
        edit("ab"); // typed while the analysis ran
        settle();
        assertEquals(List.of(), shown);
        assertNull(loop.latestIfCurrent());
        assertFalse(loop.accept(new Result(0, "A")), "a result of version 0 is refused at version 1");
        assertEquals(List.of(), shown);
    }

    @Test
    void theWorkSeesTheTextAsItWasWhenAskedNotWhenRun() {
        loop.submit();
        text = "changed without an edit event";
        settle();
        assertEquals(List.of(new Result(0, "A")), shown);
    }

    @Test
    void resultsArrivingOutOfOrderShowOnlyTheCurrentOne() {
        loop.submit();
        edit("ab");
        loop.submit();
        background.runAll();
        owner.runNewestFirst(); // version 1 arrives first, then the stale version 0
        assertEquals(List.of(new Result(1, "AB")), shown);
        assertEquals(new Result(1, "AB"), loop.latestIfCurrent());
    }

    @Test
    void waitingForACurrentResultSkipsStaleOnesAndAsksAgain() {
        List<Result> handed = new ArrayList<>();
        loop.withCurrent(handed::add);
        edit("abc");
        background.runAll();
        owner.runAll(); // the version 0 result is dropped; a new analysis of "abc" is asked for
        assertEquals(List.of(), handed);
        assertEquals(1, background.tasks.size());
        settle();
        assertEquals(List.of(new Result(1, "ABC")), handed);
        assertEquals(List.of(new Result(1, "ABC")), shown);
        loop.withCurrent(handed::add);
        assertEquals(2, handed.size(), "a current result is handed over at once");
        assertTrue(background.tasks.isEmpty());
    }

    @Test
    void afterStopNothingIsAskedOrShown() {
        loop.submit();
        loop.stop();
        settle();
        loop.submit();
        assertEquals(List.of(), shown);
        assertTrue(background.tasks.isEmpty());
    }
}
