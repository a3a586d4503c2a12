package dev.tinyj.emulator.vm.load;

/**
 * A firmware image could not be loaded: a missing or unreadable classpath entry, a missing
 * class, a class file that does not parse, a main class without {@code setup()}/{@code loop()}.
 * A user error (exit code 2); the message names the thing.
 */
public final class ImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }
}
