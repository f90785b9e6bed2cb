/**
 * Reading config files from disk (size, binary and permission checks before decoding) and writing them
 * back atomically. Never decides what the text means and never touches standard streams.
 */
package dev.handshake.io;
