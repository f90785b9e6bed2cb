package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Status messages never go stale: each fades after its lifetime, and the next one replaces it and starts anew. */
@ExtendWith(ApplicationExtension.class)
class StatusBarFxTest {

    private final StatusBar status = new StatusBar(Duration.millis(2000));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(status.node()), 600, 40));
        stage.show();
    }

    private String message() throws Exception {
        return FxWait.fx(() -> ((Label) status.node().lookup("#status-message")).getText());
    }

    @Test
    void aMessageFadesAfterItsLifetimeAndTheNextOneReplacesIt() throws Exception {
        FxWait.fx(() -> {
            status.showMessage("Saved nginx.conf");
            return null;
        });
        assertEquals("Saved nginx.conf", message());
        Thread.sleep(1200);
        FxWait.fx(() -> {
            status.showMessage("Formatted");
            return null;
        });
        assertEquals("Formatted", message(), "replaced by the next message");
        Thread.sleep(1200);
        assertEquals("Formatted", message(), "the new message gets its own lifetime, not what was left of the old one's");
        FxWait.until("faded", () -> message().isEmpty());
    }
}
