package dev.handshake.cli;

/** The command line is wrong: the message says how, in one line; exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
