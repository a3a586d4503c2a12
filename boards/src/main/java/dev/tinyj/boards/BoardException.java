package dev.tinyj.boards;

/**
 * A board profile could not be loaded: unknown board id, or a malformed or incomplete profile
 * file. The message names the file, line and field.
 */
public final class BoardException extends Exception {
    private static final long serialVersionUID = 1L;

    public BoardException(String message) {
        super(message);
    }
}
