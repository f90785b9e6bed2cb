package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The hidden smoke-test hook the package check relies on: it closes only a window that has been drawn. */
@ExtendWith(ApplicationExtension.class)
class SmokeTestHookFxTest {

    @Test
    void closesAShownWindowAfterItsFrames() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        boolean[] showingWhenClosed = new boolean[1];
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage shown = new Stage();
            shown.setScene(new Scene(new Pane(), 200, 100));
            shown.show();
            HandshakeApp.closeAfterFrames(shown, 3, () -> {
                showingWhenClosed[0] = shown.isShowing();
                closed.countDown();
            });
            return shown;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(closed.await(15, TimeUnit.SECONDS), "the hook closes the window");
        assertTrue(showingWhenClosed[0], "the window was showing when the hook fired");
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
    }

    @Test
    void waitsWhileTheWindowIsNotShown() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        CountDownLatch pulses = new CountDownLatch(10);
        WaitForAsyncUtils.asyncFx(() -> {
            Stage hidden = new Stage();
            hidden.setScene(new Scene(new Pane(), 200, 100));
            HandshakeApp.closeAfterFrames(hidden, 3, closes::incrementAndGet);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.countDown();
                    if (pulses.getCount() == 0) {
                        stop();
                    }
                }
            }.start();
        }).get(10, TimeUnit.SECONDS);
        assertTrue(pulses.await(15, TimeUnit.SECONDS), "ten pulses passed");
        assertEquals(0, closes.get(), "a window that never showed is not closed");
    }
}
