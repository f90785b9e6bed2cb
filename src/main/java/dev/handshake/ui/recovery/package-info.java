/**
 * Crash recovery of unsaved buffers: the recovery folder in the user's state directory, one file per
 * document (its original path and its text), and the background writer that keeps those files current.
 *
 * <p>Never imports JavaFX (the window wires it in {@code dev.handshake.ui}), never touches the file a
 * buffer belongs to, and never fails the editor: a folder or file it cannot use is reported in one line.
 */
package dev.handshake.ui.recovery;
