package dev.handshake.ui.editor;

import dev.handshake.text.SourceText;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one buffer is analysed with: the config file nginx would start from ({@code root}: the buffer's
 * own file, or the open main config that includes it) and the other open buffers, which win over the
 * disk (by normalised absolute path, text with {@code \n} breaks).
 */
public record AnalysisScope(Path root, Map<Path, SourceText> buffers) {

    public AnalysisScope {
        root = root.toAbsolutePath().normalize();
        buffers = Map.copyOf(buffers);
    }

    /** The buffer analysed on its own, everything else read from disk. */
    public static AnalysisScope alone(Path file) {
        return new AnalysisScope(file, Map.of());
    }
}
