package dev.handshake.syntax;

import dev.handshake.text.TextRange;

/** A syntax problem, worded the way nginx words it, at the range where nginx would stop. */
public record SyntaxError(TextRange range, String message) {
}
