/**
 * The built-in rules, by family: {@code sni} (the SNI name nginx sends and the Host header beside it),
 * {@code verify} (certificate verification and the other upstream TLS settings), {@code directives}
 * (syntax, unknown and misplaced directives) and {@code includes} (problems met following includes).
 * One rule per class, each documented in {@code resources/rules/<id>.md}; {@link dev.handshake.lint.rules.Rules}
 * is the registry. A family's helpers are package-private; what two families share is public in the
 * family that owns the fact ({@code sni.SniNames}), in {@code lint} (edits) or in {@code nginx} (facts).
 *
 * <p>Rules read the model and report; they never change text themselves (fixes are edits the caller
 * applies), and never touch JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules;
