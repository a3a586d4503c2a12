package dev.tinyj.emulator.cli;

/** Bad user input on the command line or in a file it names: exit code 2, no stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
