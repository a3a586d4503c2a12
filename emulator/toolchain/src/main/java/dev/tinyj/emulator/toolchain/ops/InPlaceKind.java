package dev.tinyj.emulator.toolchain.ops;

/**
 * How an operator's output may share arena bytes with an input
 * ({@link dev.tinyj.emulator.toolchain.compile.InPlaceRules} gives the rules and why each is safe).
 */
public enum InPlaceKind {
    /** Never: the output gets its own bytes. */
    NONE,
    /** The output aliases input 0 and the kernel is skipped (RESHAPE); the image marks such ops FLAG_IN_PLACE. */
    ALIAS,
    /** int8 element-wise on input 0: element i read just before element i is written. */
    UNARY,
    /** int8 element-wise on inputs 0 and 1 (either may be overwritten when not broadcast). */
    BINARY,
    /** Windowed CONV_2D parameter block: the output may start below its input (WindowOverlap). */
    WINDOW_CONV,
    /** Windowed DEPTHWISE_CONV_2D parameter block. */
    WINDOW_DEPTHWISE,
    /** Windowed pooling parameter block (AVERAGE_POOL_2D, MAX_POOL_2D). */
    WINDOW_POOL;

    /** Whether this is one of the windowed kinds. */
    public boolean windowed() {
        return this == WINDOW_CONV || this == WINDOW_DEPTHWISE || this == WINDOW_POOL;
    }
}
