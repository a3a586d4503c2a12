package dev.tinyj.hal;

/**
 * Host only: thrown by {@link Mcu#halt()} and {@link Mcu#panic(int, int)} when firmware runs on a
 * plain JVM. Firmware never sees it (exceptions are outside the subset).
 */
public final class McuStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #code()} of a normal {@link Mcu#halt()}. */
    public static final int HALT = Integer.MIN_VALUE;

    private final int code;
    private final int arg;

    McuStop(int code, int arg) {
        super(code == HALT ? "halt" : "panic(" + code + ", " + arg + ")", null, false, false);
        this.code = code;
        this.arg = arg;
    }

    /** The panic code, or {@link #HALT}. */
    public int code() {
        return code;
    }

    /** The panic argument (0 for a halt). */
    public int arg() {
        return arg;
    }

    /** Whether this is a normal halt rather than a panic. */
    public boolean isHalt() {
        return code == HALT;
    }
}
