package dev.tinyj.emulator.run;

/** A bad {@code --input} or {@code --expect} file: the message says what was expected and what was found. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
