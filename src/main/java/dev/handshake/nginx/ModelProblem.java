package dev.handshake.nginx;

import dev.handshake.text.TextRange;
import java.nio.file.Path;

/** Something wrong with how the configuration's files fit together (includes), found while building the model. */
public record ModelProblem(Kind kind, Path file, TextRange range, String message) {

    public enum Kind {
        /** A plain include path names no file (a glob matching nothing is fine). */
        INCLUDE_NOT_FOUND,
        /** A file includes itself, directly or through others. */
        INCLUDE_CYCLE,
        /** An included file exists but cannot be read. */
        INCLUDE_UNREADABLE,
        /** The includes expand past {@link ConfigModel#MAX_COPIED_STATEMENTS} or {@link ConfigModel#MAX_DEPTH}. */
        INCLUDE_EXPANSION_TOO_LARGE
    }
}
