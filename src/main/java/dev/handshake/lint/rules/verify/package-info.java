/**
 * The upstream TLS settings rules: verification off or without a CA, an incomplete client
 * certificate, legacy protocols, and settings that diverge across connections sharing TLS sessions;
 * with the fixes that set directives in a connection's block or in the http/stream baseline.
 *
 * <p>Never touches JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules.verify;
