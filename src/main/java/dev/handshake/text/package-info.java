/**
 * Text primitives shared by every layer: half-open ranges, edits, line index, decoded source text
 * and the edit distance behind "did you mean" suggestions.
 *
 * <p>Must never depend on anything but the JDK, and never touch the file system or standard streams.
 */
package dev.handshake.text;
