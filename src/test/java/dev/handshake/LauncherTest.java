package dev.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which arguments go to the command line and which open the editor. */
class LauncherTest {

    @Test
    void commandNamesGoToTheCli() {
        for (String command : new String[] {"check", "fix", "parse", "explain", "rules", "--help", "--version"}) {
            assertTrue(Launcher.isCliCommand(new String[] {command, "x"}), command);
        }
    }

    @Test
    void nothingOrAFileOpensTheEditor() {
        assertFalse(Launcher.isCliCommand(new String[0]));
        assertFalse(Launcher.isCliCommand(new String[] {"/etc/nginx/nginx.conf"}));
        assertFalse(Launcher.isCliCommand(new String[] {"check.conf"}));
    }

    @Test
    void cliIsCalledByNameAndItsExitCodeReturned() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.runCli(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        boolean cliPresent = classExists("dev.handshake.cli.Main");
        if (cliPresent) {
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        } else {
            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("no command line"));
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
