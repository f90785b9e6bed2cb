package dev.handshake.lint;

import dev.handshake.text.TextEdit;
import java.nio.file.Path;

/** A text edit to one file (fixes can touch an included file as well as the main one). */
public record FileEdit(Path file, TextEdit edit) {
}
