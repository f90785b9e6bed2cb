/**
 * The include rules: one rule per kind of problem the model meets following {@code include}
 * (not found, cycle, unreadable, expansion too large), reported where it was met.
 *
 * <p>Never touches JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules.includes;
