package dev.tinyj.emulator.toolchain.tflite;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to the bytes of one flatbuffer (FlatBuffers binary format: little-endian
 * scalars; a table starts with an {@code soffset32} to its vtable; a vtable is {@code uint16}
 * vtable size, {@code uint16} table size, then one {@code uint16} offset per field, 0 = absent;
 * references to tables, vectors and strings are forward {@code uoffset32}s relative to where they
 * are stored; a vector is a {@code uint32} length followed by its elements; a string is a byte
 * vector followed by a NUL).
 *
 * <p>The file is untrusted. Every read is checked against the file's size before it is made, so a
 * malformed file gives a {@link TfliteException} naming the byte offset and never another
 * exception:
 *
 * <ol>
 *   <li>each scalar read checks {@code pos >= 0 && pos + width <= size}; no alignment is assumed
 *       (reads are byte-wise);</li>
 *   <li>a reference must be a non-zero {@code uoffset32} whose target lies inside the file (so
 *       references only point forward and cannot form a cycle);</li>
 *   <li>a table's vtable (at table − soffset) must lie inside the file, have an even size of at
 *       least 4 bytes, and every field it locates must lie inside the table's declared size;</li>
 *   <li>a vector's {@code length × element size} (computed in 64 bits) must fit in the bytes after
 *       its length word, so no array is ever allocated larger than the file;</li>
 *   <li>table nesting is capped at {@link #MAX_DEPTH};</li>
 *   <li>a read budget of {@link #BUDGET_PER_BYTE} × file size + {@link #BUDGET_SLACK} bytes is
 *       charged for every table and vector decoded, so a file whose offsets alias one large vector
 *       from many places (legal in the format, amplifying in a decoder) cannot make decoding
 *       quadratic in time or memory.</li>
 * </ol>
 */
public final class FlatBuffer {
    /** Deepest table nesting accepted (the TFLite schema needs 6). */
    public static final int MAX_DEPTH = 32;
    /** Read budget per file byte. */
    public static final int BUDGET_PER_BYTE = 8;
    /** Read budget added to every file. */
    public static final int BUDGET_SLACK = 1 << 16;

    private final byte[] bytes;
    private final String name;
    private long budget;

    /**
     * @param bytes the whole file (not copied; must not change while it is read)
     * @param name file name for messages
     */
    public FlatBuffer(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
        this.budget = (long) BUDGET_PER_BYTE * bytes.length + BUDGET_SLACK;
    }

    /** File size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** File name for messages. */
    public String name() {
        return name;
    }

    /** An error at byte offset {@code pos}. */
    public TfliteException error(long pos, String detail) {
        return new TfliteException(name, pos, detail);
    }

    /** The root table: the {@code uoffset32} at byte 0. */
    public FbTable root(String rootName) throws TfliteException {
        if (bytes.length < 8) {
            throw error(0, "expected a flatbuffer of at least 8 bytes (root offset and file identifier), got "
                    + bytes.length + " bytes");
        }
        return table(reference(0, rootName), rootName, 0);
    }

    /** The 4-character file identifier at bytes 4..7 (ISO-8859-1), or "" when the file is shorter. */
    public String identifier() {
        return bytes.length < 8 ? "" : new String(bytes, 4, 4, StandardCharsets.ISO_8859_1);
    }

    /** Checks that {@code len} bytes at {@code pos} lie inside the file. */
    public void require(long pos, long len, String what) throws TfliteException {
        if (pos < 0 || pos > bytes.length) {
            throw error(Math.max(0, Math.min(pos, bytes.length)), "expected " + what + " inside the file, but it is at "
                    + pos + ", outside the file (size " + bytes.length + ")");
        }
        if (len < 0 || len > bytes.length - pos) {
            throw error(pos, "expected " + what + " (" + len + " bytes) at " + pos
                    + ", but it runs past the end of the file (size " + bytes.length + ")");
        }
    }

    /** Charges {@code n} bytes against the read budget. */
    void charge(long n, long pos, String what) throws TfliteException {
        budget -= n;
        if (budget < 0) {
            throw error(pos, "expected each part of the file to be referenced about once, but decoding " + what
                    + " would read more than " + ((long) BUDGET_PER_BYTE * bytes.length + BUDGET_SLACK)
                    + " bytes in all (offsets alias the same data many times)");
        }
    }

    /** Signed byte at {@code pos}. */
    public int int8(long pos, String what) throws TfliteException {
        require(pos, 1, what);
        return bytes[(int) pos];
    }

    /** Unsigned byte at {@code pos}. */
    public int uint8(long pos, String what) throws TfliteException {
        return int8(pos, what) & 0xFF;
    }

    /** Unsigned 16-bit little-endian value at {@code pos}. */
    public int uint16(long pos, String what) throws TfliteException {
        require(pos, 2, what);
        int p = (int) pos;
        return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8;
    }

    /** Signed 32-bit little-endian value at {@code pos}. */
    public int int32(long pos, String what) throws TfliteException {
        require(pos, 4, what);
        int p = (int) pos;
        return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16 | bytes[p + 3] << 24;
    }

    /** Unsigned 32-bit little-endian value at {@code pos}. */
    public long uint32(long pos, String what) throws TfliteException {
        return int32(pos, what) & 0xFFFF_FFFFL;
    }

    /** Signed 64-bit little-endian value at {@code pos}. */
    public long int64(long pos, String what) throws TfliteException {
        require(pos, 8, what);
        return (int32(pos, what) & 0xFFFF_FFFFL) | (long) int32(pos + 4, what) << 32;
    }

    /** IEEE float32 at {@code pos}. */
    public float float32(long pos, String what) throws TfliteException {
        return Float.intBitsToFloat(int32(pos, what));
    }

    /** A copy of {@code len} bytes at {@code pos}. */
    public byte[] copy(long pos, int len, String what) throws TfliteException {
        require(pos, len, what);
        charge(len, pos, what);
        byte[] out = new byte[len];
        System.arraycopy(bytes, (int) pos, out, 0, len);
        return out;
    }

    /** UTF-8 text of {@code len} bytes at {@code pos} (malformed sequences become U+FFFD). */
    String text(long pos, int len, String what) throws TfliteException {
        require(pos, len, what);
        charge(len, pos, what);
        return new String(bytes, (int) pos, len, StandardCharsets.UTF_8);
    }

    /**
     * The target of the {@code uoffset32} stored at {@code pos}: {@code pos + value}, which must be
     * inside the file. A zero offset (pointing at itself) is rejected.
     */
    public int reference(long pos, String what) throws TfliteException {
        long u = uint32(pos, "the offset to " + what);
        if (u == 0) {
            throw error(pos, "expected an offset to " + what + ", got 0 (an offset to itself)");
        }
        long target = pos + u;
        if (target >= bytes.length) {
            throw error(pos, "expected an offset to " + what + " inside the file, got " + u + " (0x"
                    + Long.toHexString(u) + "), pointing to " + target + ", past the end of the file (size "
                    + bytes.length + ")");
        }
        return (int) target;
    }

    /** The table that starts at {@code pos}, validated (see the class comment). */
    public FbTable table(int pos, String path, int depth) throws TfliteException {
        if (depth > MAX_DEPTH) {
            throw error(pos, "expected tables nested at most " + MAX_DEPTH + " deep, but " + path + " is deeper");
        }
        int soffset = int32(pos, "the vtable offset of table " + path);
        long vtable = (long) pos - soffset;
        if (vtable < 0 || vtable + 4 > bytes.length) {
            throw error(pos, "expected the vtable of table " + path + " inside the file, but its offset " + soffset
                    + " points to " + vtable + ", outside the file (size " + bytes.length + ")");
        }
        int vtableSize = uint16(vtable, "the vtable size of " + path);
        int tableSize = uint16(vtable + 2, "the table size of " + path);
        if (vtableSize < 4 || (vtableSize & 1) != 0) {
            throw error(vtable, "expected the vtable of " + path + " to be an even number of bytes >= 4, got "
                    + vtableSize);
        }
        require(vtable, vtableSize, "the vtable of " + path);
        if (tableSize < 4) {
            throw error(vtable + 2, "expected table " + path + " to be at least 4 bytes (its vtable offset), "
                    + "but its vtable says " + tableSize);
        }
        require(pos, tableSize, "table " + path);
        charge(vtableSize + tableSize, pos, path);
        return new FbTable(this, pos, (int) vtable, vtableSize, tableSize, depth, path);
    }

    /** The vector whose length word is at {@code pos}, of elements {@code elemSize} bytes wide. */
    public FbVector vector(int pos, int elemSize, String elemName, String path, int depth)
            throws TfliteException {
        long n = uint32(pos, "the length of vector " + path);
        long start = (long) pos + 4;
        long bytesNeeded = n * elemSize;
        if (bytesNeeded > bytes.length - start) {
            throw error(pos, path + ": vector of " + n + " " + elemName + " at " + start
                    + " runs past the end of the file (size " + bytes.length + ")");
        }
        charge(bytesNeeded + 4, pos, path);
        return new FbVector(this, (int) start, (int) n, elemSize, path, depth);
    }

    /** The string whose length word is at {@code pos}: UTF-8 bytes followed by a NUL. */
    public String string(int pos, String path) throws TfliteException {
        long n = uint32(pos, "the length of string " + path);
        long start = (long) pos + 4;
        if (n + 1 > bytes.length - start) {
            throw error(pos, path + ": string of " + n + " bytes at " + start
                    + " (and its NUL) runs past the end of the file (size " + bytes.length + ")");
        }
        if (bytes[(int) (start + n)] != 0) {
            throw error(start + n, "expected the NUL that ends string " + path + ", got byte "
                    + (bytes[(int) (start + n)] & 0xFF));
        }
        return text(start, (int) n, path);
    }
}
