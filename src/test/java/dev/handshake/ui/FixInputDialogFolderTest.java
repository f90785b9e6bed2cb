package dev.handshake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA dialog's Browse opens where the typed path points, else at the system's certificates. */
class FixInputDialogFolderTest {

    @Test
    void browseStartsAtTheTypedPathsFolder(@TempDir Path dir) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "");
        assertEquals(Optional.of(dir.toFile()), FixInputDialog.initialFolder(ca.toString()));
        assertEquals(Optional.of(dir.toFile()), FixInputDialog.initialFolder(dir.resolve("not-yet.pem").toString()));
        assertEquals(Optional.of(dir.toFile()), FixInputDialog.initialFolder(dir.toString()));
        Optional<File> fallback = new File("/etc/ssl/certs").isDirectory() ? Optional.of(new File("/etc/ssl/certs/"))
                : Optional.empty();
        assertEquals(fallback.map(File::getAbsoluteFile), FixInputDialog.initialFolder("/no/such/folder/ca.pem")
                .map(File::getAbsoluteFile));
    }
}
