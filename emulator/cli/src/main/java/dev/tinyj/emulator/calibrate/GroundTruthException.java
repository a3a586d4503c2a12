package dev.tinyj.emulator.calibrate;

/** A ground-truth file that cannot be used: unreadable, a missing column or row, a malformed value. */
public final class GroundTruthException extends Exception {
    private static final long serialVersionUID = 1L;

    GroundTruthException(String message) {
        super(message);
    }
}
