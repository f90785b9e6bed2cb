/**
 * The command line: {@code check}, {@code fix}, {@code parse}, {@code explain} and {@code rules},
 * their arguments and exit codes (0 clean, 1 findings at or above {@code --fail-on}, 2 usage or I/O
 * errors). The only package that writes to standard output and standard error.
 *
 * <p>Never calls {@code System.exit} (the launcher does, with the code {@link dev.handshake.cli.Main#run}
 * returns), never imports JavaFX, and keeps analysis and rendering in the layers below.
 */
package dev.handshake.cli;
