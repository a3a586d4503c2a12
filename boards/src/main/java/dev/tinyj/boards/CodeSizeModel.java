package dev.tinyj.boards;

/**
 * Flash code size of firmware, per core: code bytes = the board's {@code vmFlashBytes} +
 * Σ over reachable methods of (bytecode bytes x {@code expansionPerBytecodeByte}) +
 * {@code perMethodBytes} per reachable method ({@link #methodBytes}). Fitted against the calibration
 * kernels' function sizes by {@code dev.tinyj.emulator.calibrate.CodeSizeFit} ({@code tinyj calibrate}).
 *
 * @param expansionPerBytecodeByte machine-code bytes per bytecode byte
 * @param perMethodBytes prologue/epilogue bytes per method
 * @param calibrated whether the figures were fitted to measured code sizes
 */
public record CodeSizeModel(double expansionPerBytecodeByte, int perMethodBytes, boolean calibrated) {

    /** Flash bytes of one method of {@code bytecodeBytes} bytecode bytes: round(bytes x expansion) + per-method bytes. */
    public long methodBytes(int bytecodeBytes) {
        return Math.round(bytecodeBytes * expansionPerBytecodeByte) + perMethodBytes;
    }
}
