package dev.handshake.nginx;

import java.nio.file.Path;

/**
 * Where something is written: a file and an offset into its text. A file spliced in from two places
 * gives two statements, and one place: what is reported or edited once.
 *
 * @param file   the file, absolute and normalised
 * @param offset the offset of the first character
 */
public record Place(Path file, int offset) {
}
