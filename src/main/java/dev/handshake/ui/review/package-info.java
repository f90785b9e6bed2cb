/**
 * Reviewing changes before they reach the disk: the diff between the file on disk and the buffer,
 * unified and side by side, with each hunk kept or reverted.
 *
 * <p>Never writes files itself: it returns the accepted text and the window saves it.
 */
package dev.handshake.ui.review;
