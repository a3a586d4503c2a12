package dev.tinyj.hal;

/**
 * Read-only data in the board's flash: numbered segments (segment 0 holds the model image) and
 * little-endian readers.
 *
 * <p>{@link #readShort} and {@link #readInt} are intrinsics: inside the emulator a 32-bit read is
 * charged as one {@code LDR} on Cortex-M and four {@code LPM} on AVR. Storing into a segment is a
 * flash-write fault in the emulator.
 *
 * <p>Host implementation: {@link #bind(int, byte[])} supplies a segment; an unbound segment is
 * {@code null}.
 */
public final class Flash {
    /** Number of segment ids (0..15). */
    public static final int SEGMENTS = 16;

    private static final byte[][] SEGMENT = new byte[SEGMENTS][];

    private Flash() {
    }

    /**
     * The bytes of segment {@code id}, or {@code null} when none is bound (the emulator faults
     * instead, naming the segment and the flag that binds it).
     */
    public static byte[] segment(int id) {
        return id >= 0 && id < SEGMENTS ? SEGMENT[id] : null;
    }

    /**
     * Reads a little-endian signed 16-bit value at byte offset {@code off}.
     *
     * @throws ArrayIndexOutOfBoundsException on the host when {@code off + 2 > seg.length}
     */
    public static int readShort(byte[] seg, int off) {
        return (short) ((seg[off] & 0xFF) | (seg[off + 1] << 8));
    }

    /**
     * Reads a little-endian 32-bit value at byte offset {@code off}.
     *
     * @throws ArrayIndexOutOfBoundsException on the host when {@code off + 4 > seg.length}
     */
    public static int readInt(byte[] seg, int off) {
        return (seg[off] & 0xFF) | (seg[off + 1] & 0xFF) << 8 | (seg[off + 2] & 0xFF) << 16
                | seg[off + 3] << 24;
    }

    /** Host only: binds segment {@code id} to {@code bytes} (not copied). */
    public static void bind(int id, byte[] bytes) {
        SEGMENT[id] = bytes;
    }
}
