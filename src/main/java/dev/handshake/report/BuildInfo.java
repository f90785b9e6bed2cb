package dev.handshake.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What this build is: its version, for --version, SARIF's tool entry and the editor's About box. */
public final class BuildInfo {

    private BuildInfo() {
    }

    /** The version Maven recorded in the jar, or {@code dev} when running from classes. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/maven/dev.handshake/handshake/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String manifest = BuildInfo.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "dev";
    }
}
