/**
 * The rules, one class per rule, each documented in {@code resources/rules/<id>.md}.
 *
 * <p>Rules read the model and report; they never change text themselves (fixes are edits the caller
 * applies), and never touch JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules;
