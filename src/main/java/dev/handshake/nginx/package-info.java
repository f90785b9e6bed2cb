/**
 * The nginx model: files with their includes resolved, scopes (http, server, location...) with the
 * included directives spliced in, effective settings after nginx's inheritance, the TLS connections to
 * upstreams with what nginx sends on each ({@link dev.handshake.nginx.UpstreamTls}: SNI, verified name,
 * Host header, port), and the directive catalogue.
 *
 * <p>Knows what nginx means by a configuration, never how to report or fix it; never touches
 * JavaFX, the lint layer, the incident helpers or standard streams.
 */
package dev.handshake.nginx;
