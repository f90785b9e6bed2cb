package dev.handshake;

import dev.handshake.ui.HandshakeApp;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Applies the editor's own log filter to the test JVM (TestFX starts JavaFX from the class path like the
 * jar does), so the build prints no "unnamed module" warning; every other JavaFX message still shows.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class QuietJavaFxListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        HandshakeApp.quietUnnamedModuleWarning();
    }
}
