/**
 * The rules about how a file is written: syntax errors, directives nginx does not know, and directives
 * in a context that does not allow them (from the directive catalogue).
 *
 * <p>Never touches JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules.directives;
