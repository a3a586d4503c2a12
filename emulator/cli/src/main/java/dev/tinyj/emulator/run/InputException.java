package dev.tinyj.emulator.run;

/**
 * A bad input file ({@code --input}, {@code --expect}, a corpus folder): the message says what was
 * expected and what was found.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
