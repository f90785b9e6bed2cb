/**
 * The SNI rules: over {@link dev.handshake.nginx.UpstreamTls} (what nginx sends on each connection),
 * whether SNI is sent, whether its name can work, whether it is ignored, and whether the Host header
 * carries it; with the shared "Send SNI" fixes and the names to suggest ({@link dev.handshake.lint.rules.sni.SniNames},
 * also used by the verify family).
 *
 * <p>Never touches JavaFX, files or standard streams.
 */
package dev.handshake.lint.rules.sni;
