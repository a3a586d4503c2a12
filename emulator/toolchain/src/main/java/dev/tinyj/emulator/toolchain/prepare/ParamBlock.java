package dev.tinyj.emulator.toolchain.prepare;

/**
 * An operator's parameter block, written by named offset: little-endian int32 fields at the byte
 * offsets the kernel's {@code P_*} constants name, read on the device with {@code Flash.readInt}.
 * Float fields are stored as their raw IEEE bits. The block's size is fixed up front; every field
 * must be set exactly once, so a prepare that swaps, forgets or repeats a field, or sizes the block
 * differently from the kernel, fails here ({@link IllegalStateException}: a TinyJ bug, not a
 * model problem) instead of writing a block the kernel misreads.
 */
public final class ParamBlock {
    private final int[] values;
    private final boolean[] set;

    private ParamBlock(int bytes) {
        if (bytes < 0 || (bytes & 3) != 0) {
            throw new IllegalStateException("parameter block size " + bytes + " is not a non-negative multiple of 4");
        }
        values = new int[bytes / 4];
        set = new boolean[bytes / 4];
    }

    /** An empty block of {@code bytes} bytes (the kernel's {@code P_SIZE}, or its computed size). */
    public static ParamBlock of(int bytes) {
        return new ParamBlock(bytes);
    }

    /** Sets the int32 field at byte offset {@code offset} (a {@code P_*} constant). */
    public ParamBlock set(int offset, int value) {
        if (offset < 0 || (offset & 3) != 0 || offset / 4 >= values.length) {
            throw new IllegalStateException("parameter field at byte " + offset + " is outside the "
                    + 4 * values.length + "-byte block or unaligned");
        }
        if (set[offset / 4]) {
            throw new IllegalStateException("parameter field at byte " + offset + " is set twice");
        }
        set[offset / 4] = true;
        values[offset / 4] = value;
        return this;
    }

    /** Sets the float32 field at {@code offset} (raw bits). */
    public ParamBlock setFloat(int offset, float value) {
        return set(offset, Float.floatToRawIntBits(value));
    }

    /** Sets {@code values.length} consecutive int32 fields starting at byte offset {@code offset}. */
    public ParamBlock setAll(int offset, int... values) {
        for (int k = 0; k < values.length; k++) {
            set(offset + 4 * k, values[k]);
        }
        return this;
    }

    /** Sets the fields in byte range {@code [from, to)} to 0: fields this kernel reserves and never reads. */
    public ParamBlock reserved(int from, int to) {
        for (int off = from; off < to; off += 4) {
            set(off, 0);
        }
        return this;
    }

    /** Block size in bytes. */
    public int size() {
        return 4 * values.length;
    }

    /** The block; every field must have been set. */
    public byte[] bytes() {
        byte[] out = new byte[4 * values.length];
        for (int k = 0; k < values.length; k++) {
            if (!set[k]) {
                throw new IllegalStateException("parameter field at byte " + 4 * k + " of the " + out.length
                        + "-byte block is never set");
            }
            int v = values[k];
            out[4 * k] = (byte) v;
            out[4 * k + 1] = (byte) (v >>> 8);
            out[4 * k + 2] = (byte) (v >>> 16);
            out[4 * k + 3] = (byte) (v >>> 24);
        }
        return out;
    }
}
