/**
 * The editing component: a RichTextFX code area wrapped with highlighting, live analysis, inline
 * diagnostics, find and replace, and the editing keys of a code editor.
 *
 * <p>Never reads or writes files (the window does) and never blocks the FX thread on analysis of a
 * large text; the styling logic stays pure and testable without a running toolkit.
 */
package dev.handshake.ui.editor;
