/**
 * Linting: rules over the nginx model produce diagnostics with quick fixes expressed as text edits,
 * suppressions are honoured, and fixes are applied until the result is stable.
 *
 * <p>Never touches JavaFX, standard streams or the file system (files are read through the model).
 */
package dev.handshake.lint;
