/**
 * The rules about how a file is written: syntax errors, directives nginx does not know, directives in
 * a context that does not allow them (from the directive catalogue), and directives or parameters the
 * targeted nginx (edition and version, {@code LintOptions.target()}) does not have.
 *
 * <p>Never touches JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules.directives;
