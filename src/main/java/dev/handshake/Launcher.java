package dev.handshake;

/**
 * Entry point of {@code handshake.jar}: a CLI sub-command runs headless, anything else opens the editor.
 * Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Wired to the CLI and the editor as they land.
    }
}
