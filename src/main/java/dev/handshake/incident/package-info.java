/**
 * Incident helpers over the nginx model, one feature each: {@link dev.handshake.incident.CurlCheck}
 * (the curl/openssl commands that reach an upstream the way nginx does),
 * {@link dev.handshake.incident.ErrorLogLocator} (the {@code *_pass} behind a pasted error-log line) and
 * {@link dev.handshake.incident.Redactor} (a config with its secrets masked, to share).
 *
 * <p>They read the model and never change it; they are called only by the faces ({@code cli},
 * {@code ui}), never by the model or the rules, and never touch JavaFX, files or standard streams.
 */
package dev.handshake.incident;
