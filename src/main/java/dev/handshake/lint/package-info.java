/**
 * Linting: rules over the nginx model produce diagnostics with quick fixes expressed as text edits,
 * suppressions are honoured, and fixes are applied until the result is stable. What every rule family
 * shares lives here: one finding per written directive ({@link dev.handshake.lint.WrittenCause}),
 * related places ({@link dev.handshake.lint.Related}), where inserted lines go
 * ({@link dev.handshake.lint.DirectiveEdits#insertForHome}) and typed fix inputs
 * ({@link dev.handshake.lint.FixInput.Key}, {@link dev.handshake.lint.FixValues}).
 *
 * <p>Never touches JavaFX, standard streams or the file system (files are read through the model).
 */
package dev.handshake.lint;
