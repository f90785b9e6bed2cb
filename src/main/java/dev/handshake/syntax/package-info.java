/**
 * Lossless, error-tolerant lexer and parser for nginx configuration text.
 *
 * <p>Every character of the input belongs to exactly one {@link dev.handshake.syntax.Token}; parsing
 * never throws and never gives up: problems become {@link dev.handshake.syntax.SyntaxError}s beside a
 * complete tree. Knows nginx's grammar only, never directive meanings, files or the GUI.
 */
package dev.handshake.syntax;
