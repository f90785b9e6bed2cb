package dev.handshake.lint;

import dev.handshake.text.TextRange;
import java.nio.file.Path;

/** A place that explains a finding: an affected {@code proxy_pass}, the {@code upstream} group... */
public record Related(Path file, TextRange range, String message) {
}
