package dev.tinyj.emulator.vm.verify;

/**
 * The verifier's size limits, each checked before the host allocates anything in proportion to
 * it (docs/vm.md, "Verifier rules", lists them with their reasons). A firmware image beyond one
 * is refused with exit 2 and a message naming the limit; it never reaches a host
 * {@code OutOfMemoryError} or {@code StackOverflowError}.
 */
public final class Limits {
    /** JVMS §4.7.3: {@code code_length} is greater than 0 and less than 65,536. */
    public static final int MAX_CODE_BYTES = 65_535;
    /**
     * Classes in one image: 4,096. A firmware image of a few dozen classes is large; the limit
     * bounds the class models held while reaching.
     */
    public static final int MAX_CLASSES = 4_096;
    /**
     * Reachable methods in one image: 8,192 (the calibration firmware, the largest shipped, has
     * under 200).
     */
    public static final int MAX_METHODS = 8_192;
    /**
     * Frames in the longest static call chain: 4,096. Even at the cheapest frame a deeper chain
     * overflows the SRAM of every supported board (2 KiB on the ATmega328P, 640 KiB on the
     * STM32L4R5 at the ~200-byte frames firmware kernels use).
     */
    public static final int MAX_CALL_DEPTH = 4_096;
    /** Firmware superclasses above a class: 64 (firmware has no reason for any). */
    public static final int MAX_SUPERCLASS_DEPTH = 64;
    /**
     * Data bytes of all {@code @Progmem} tables of an image together, checked by the verifier
     * before a table's values are held in host memory: 4 MiB, twice the largest flash of a
     * supported board (2 MiB, STM32L4R5). When linking for a board, the board's flash size is the
     * limit (checked before the tables are placed).
     */
    public static final long MAX_PROGMEM_BYTES = 4L << 20;

    private Limits() {
    }
}
