package dev.tinyj.emulator.toolchain.tflite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one flatbuffer back to front, with the layout rules of the FlatBuffers reference builder:
 *
 * <ul>
 *   <li>an object's <em>offset</em> is the number of bytes written when it was finished (its
 *       distance from the end of the buffer); references are written as forward {@code uoffset32}s
 *       from where they are stored;</li>
 *   <li>every scalar is aligned to its own size; the padding goes after it (towards the end of the
 *       file), so objects pushed later are never misaligned by what follows;</li>
 *   <li>a vector (and a string) is pre-aligned so that both its {@code uint32} length and its
 *       elements are aligned (elements to their size, optionally to a larger forced alignment such
 *       as the 16 bytes TFLite's converter uses for buffer data); a string's bytes are followed by
 *       a NUL;</li>
 *   <li>a table is its fields, pushed in the caller's order, then an {@code soffset32} to its
 *       vtable; the vtable ({@code uint16} vtable size, table size, one offset per field up to the
 *       highest field set) is written just before the table unless an identical one was written
 *       before, which it then shares; a field equal to its default is not written;</li>
 *   <li>{@link #finish} pre-aligns the whole buffer to the largest alignment used, then writes the
 *       4-byte file identifier and the root table's offset, which end up at bytes 4..7 and 0..3.</li>
 * </ul>
 *
 * Fields are named by their schema id (a union takes two: its type, then its value). Not thread-safe;
 * one builder builds one buffer.
 */
public final class FlatBufferBuilder {
    private byte[] buf;
    /** Index in {@link #buf} of the first byte written (the buffer grows downwards). */
    private int head;
    private int minAlign = 1;
    /** Offsets of every vtable written, oldest first. */
    private final List<Integer> vtables = new ArrayList<>();
    /** Fields of the table being built: {id, offset} pairs. */
    private final List<int[]> fields = new ArrayList<>();
    private int tableStart = -1;
    private boolean finished;

    /** A builder with a small initial capacity. */
    public FlatBufferBuilder() {
        this(1024);
    }

    /** A builder with {@code capacity} bytes before it first grows. */
    public FlatBufferBuilder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
        head = buf.length;
    }

    /** Bytes written so far (the offset the next finished object will have). */
    public int offset() {
        return buf.length - head;
    }

    private void ensure(int n) {
        if (finished) {
            throw new IllegalStateException("the flatbuffer is finished");
        }
        if (head >= n) {
            return;
        }
        int used = offset();
        int cap = buf.length;
        while (cap - used < n) {
            cap = Math.multiplyExact(cap, 2);
        }
        byte[] next = new byte[cap];
        System.arraycopy(buf, head, next, cap - used, used);
        buf = next;
        head = cap - used;
    }

    /** Zero bytes so that, after {@code len} more bytes, the size is a multiple of {@code alignment}. */
    public void preAlign(int len, int alignment) {
        if (Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + alignment);
        }
        minAlign = Math.max(minAlign, alignment);
        int pad = -(offset() + len) & (alignment - 1);
        ensure(pad);
        head -= pad;
        Arrays.fill(buf, head, head + pad, (byte) 0);
    }

    /** Zero bytes so that the size is a multiple of {@code alignment}. */
    public void align(int alignment) {
        preAlign(0, alignment);
    }

    private void raw(long v, int width) {
        ensure(width);
        head -= width;
        for (int i = 0; i < width; i++) {
            buf[head + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Pushes an aligned little-endian scalar of {@code width} bytes (1, 2, 4 or 8); returns its offset. */
    public int push(long v, int width) {
        align(width);
        raw(v, width);
        return offset();
    }

    /** Pushes a reference to the object at {@code target}; returns its offset. */
    public int pushReference(int target) {
        align(4);
        if (target <= 0 || target > offset()) {
            throw new IllegalArgumentException("expected a reference to an object already written, got " + target);
        }
        return push(offset() - target + 4, 4);
    }

    /** Pushes raw bytes (no alignment). */
    public void pushBytes(byte[] b) {
        ensure(b.length);
        head -= b.length;
        System.arraycopy(b, 0, buf, head, b.length);
    }

    // ---- strings and vectors (not inside a table) ----

    private void notNested() {
        if (tableStart >= 0) {
            throw new IllegalStateException("strings and vectors must be created outside a table");
        }
    }

    /** A UTF-8 string: length, bytes, NUL. Returns its offset. */
    public int createString(String s) {
        notNested();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        preAlign(b.length + 1, 4);
        raw(0, 1);
        pushBytes(b);
        return push(b.length, 4);
    }

    /** Starts a vector of {@code n} elements of {@code elemSize} bytes, aligned to at least {@code alignment}. */
    private void startVector(int n, int elemSize, int alignment) {
        notNested();
        int len = Math.multiplyExact(n, elemSize);
        preAlign(len, alignment);
        preAlign(len, 4);
        preAlign(len, elemSize);
    }

    /** A byte vector whose data starts at a multiple of {@code alignment} (1 for none). */
    public int createByteVector(byte[] data, int alignment) {
        startVector(data.length, 1, alignment);
        pushBytes(data);
        return push(data.length, 4);
    }

    /** A vector of {@code int32}. */
    public int createIntVector(int[] v) {
        startVector(v.length, 4, 4);
        for (int i = v.length - 1; i >= 0; i--) {
            raw(v[i], 4);
        }
        return push(v.length, 4);
    }

    /** A vector of {@code int64}. */
    public int createLongVector(long[] v) {
        startVector(v.length, 8, 8);
        for (int i = v.length - 1; i >= 0; i--) {
            raw(v[i], 8);
        }
        return push(v.length, 4);
    }

    /** A vector of {@code float32} (bits as given). */
    public int createFloatVector(float[] v) {
        startVector(v.length, 4, 4);
        for (int i = v.length - 1; i >= 0; i--) {
            raw(Float.floatToRawIntBits(v[i]), 4);
        }
        return push(v.length, 4);
    }

    /** A vector of references to objects already written (tables or strings), in order. */
    public int createOffsetVector(int[] targets) {
        startVector(targets.length, 4, 4);
        for (int i = targets.length - 1; i >= 0; i--) {
            pushReference(targets[i]);
        }
        return push(targets.length, 4);
    }

    /** A vector of inline structs, {@code structSize} bytes each, aligned to {@code alignment}, given as raw bytes. */
    public int createStructVector(byte[] structs, int structSize, int alignment) {
        if (structSize <= 0 || structs.length % structSize != 0) {
            throw new IllegalArgumentException("expected whole structs of " + structSize + " bytes, got "
                    + structs.length + " bytes");
        }
        startVector(structs.length / structSize, structSize, alignment);
        pushBytes(structs);
        return push(structs.length / structSize, 4);
    }

    // ---- tables ----

    /** Starts a table; add its fields, then call {@link #endTable}. */
    public void startTable() {
        notNested();
        fields.clear();
        tableStart = offset();
    }

    private void inTable() {
        if (tableStart < 0) {
            throw new IllegalStateException("no table started");
        }
    }

    private void track(int id, int off) {
        for (int[] f : fields) {
            if (f[0] == id) {
                throw new IllegalStateException("field " + id + " set twice");
            }
        }
        fields.add(new int[] {id, off});
    }

    /** A scalar field of {@code width} bytes, left out when {@code v == def}. */
    public void addScalar(int id, long v, int width, long def) {
        inTable();
        if (v != def) {
            track(id, push(v, width));
        }
    }

    /** A {@code byte}/{@code ubyte} (and enum) field. */
    public void addByte(int id, int v, int def) {
        addScalar(id, v & 0xFF, 1, def & 0xFF);
    }

    /** A {@code bool} field. */
    public void addBool(int id, boolean v, boolean def) {
        addScalar(id, v ? 1 : 0, 1, def ? 1 : 0);
    }

    /** An {@code int}/{@code uint} field. */
    public void addInt(int id, long v, long def) {
        addScalar(id, v & 0xFFFF_FFFFL, 4, def & 0xFFFF_FFFFL);
    }

    /** A {@code long}/{@code ulong} field. */
    public void addLong(int id, long v, long def) {
        addScalar(id, v, 8, def);
    }

    /** A {@code float} field (compared by bits with its default). */
    public void addFloat(int id, float v, float def) {
        addScalar(id, Float.floatToRawIntBits(v) & 0xFFFF_FFFFL, 4, Float.floatToRawIntBits(def) & 0xFFFF_FFFFL);
    }

    /** A reference field to an object already written; 0 means absent. */
    public void addOffset(int id, int target) {
        inTable();
        if (target != 0) {
            track(id, pushReference(target));
        }
    }

    /** Finishes the table; returns its offset. */
    public int endTable() {
        inTable();
        int tableOff = push(0, 4);
        int maxId = -1;
        for (int[] f : fields) {
            maxId = Math.max(maxId, f[0]);
        }
        int vtSize = 4 + 2 * (maxId + 1);
        int tableSize = tableOff - tableStart;
        if (tableSize >= 0x10000) {
            throw new IllegalStateException("table of " + tableSize + " bytes is too large for a vtable");
        }
        byte[] vt = new byte[vtSize];
        put16(vt, 0, vtSize);
        put16(vt, 2, tableSize);
        for (int[] f : fields) {
            put16(vt, 4 + 2 * f[0], tableOff - f[1]);
        }
        int use = 0;
        for (int old : vtables) {
            int at = buf.length - old;
            if (old >= vtSize && Arrays.equals(vt, 0, vtSize, buf, at, at + vtSize)) {
                use = old;
                break;
            }
        }
        if (use == 0) {
            pushBytes(vt);
            use = offset();
            vtables.add(use);
        }
        int at = buf.length - tableOff;
        int soff = use - tableOff;
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (soff >>> (8 * i));
        }
        fields.clear();
        tableStart = -1;
        return tableOff;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    /**
     * Finishes the buffer with root table {@code root} and a 4-character file identifier (or null)
     * and returns its bytes.
     */
    public byte[] finish(int root, String identifier) {
        notNested();
        byte[] id = identifier == null ? new byte[0] : identifier.getBytes(StandardCharsets.ISO_8859_1);
        if (id.length != 0 && id.length != 4) {
            throw new IllegalArgumentException("expected a 4-character file identifier, got '" + identifier + "'");
        }
        preAlign(4 + id.length, Math.max(minAlign, 4));
        pushBytes(id);
        pushReference(root);
        finished = true;
        return Arrays.copyOfRange(buf, head, buf.length);
    }
}
