package dev.tinyj.emulator.toolchain.prepare;

import java.io.ByteArrayOutputStream;

/**
 * Builds an operator's parameter block: little-endian int32 fields, in the layout the kernel's
 * {@code P_*} offset constants name, read on the device with {@code Flash.readInt}. Float fields
 * are stored as their raw IEEE bits.
 */
public final class ParamBlock {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Appends int32 fields. */
    public ParamBlock ints(int... values) {
        for (int v : values) {
            out.write(v);
            out.write(v >>> 8);
            out.write(v >>> 16);
            out.write(v >>> 24);
        }
        return this;
    }

    /** Appends a float32 field (raw bits). */
    public ParamBlock floatBits(float f) {
        return ints(Float.floatToRawIntBits(f));
    }

    /** Current size in bytes (the offset of the next field). */
    public int size() {
        return out.size();
    }

    /** The block. */
    public byte[] bytes() {
        return out.toByteArray();
    }
}
