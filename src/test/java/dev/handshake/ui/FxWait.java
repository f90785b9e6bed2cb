package dev.handshake.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Polling on the FX thread with a timeout: the tests never assert after a fixed sleep. */
final class FxWait {

    private FxWait() {
    }

    /** Polls {@code condition} on the FX thread until it holds, failing after 15 seconds. */
    static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, 15, condition);
    }

    /** Polls {@code condition} on the FX thread until it holds, failing after {@code seconds}. */
    static void until(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    /** Reads a value on the FX thread. */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
