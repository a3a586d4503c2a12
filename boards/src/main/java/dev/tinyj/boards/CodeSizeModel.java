package dev.tinyj.boards;

/**
 * Flash code size of firmware, per core: code bytes = the board's {@code vmFlashBytes} +
 * Σ over reachable methods of (bytecode bytes x {@code expansionPerBytecodeByte}) +
 * {@code perMethodBytes} per reachable method. Uncalibrated until the calibration issue fits it
 * against {@code ../shared/calib/results.csv}.
 *
 * @param expansionPerBytecodeByte machine-code bytes per bytecode byte
 * @param perMethodBytes prologue/epilogue bytes per method
 * @param calibrated whether the figures were fitted to measured code sizes
 */
public record CodeSizeModel(double expansionPerBytecodeByte, int perMethodBytes, boolean calibrated) {
}
