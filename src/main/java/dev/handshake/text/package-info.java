/**
 * Text primitives shared by every layer: half-open ranges, edits, line index and decoded source text.
 *
 * <p>Must never depend on anything but the JDK, and never touch the file system or standard streams.
 */
package dev.handshake.text;
