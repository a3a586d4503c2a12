package dev.tinyj.emulator.toolchain.tflite;

/**
 * One validated flatbuffer vector: its length times its element size was checked to fit in the
 * file when it was opened, so element reads stay inside it; element tables and strings are
 * validated as they are opened (see {@link FlatBuffer}).
 */
public final class FbVector {
    private final FlatBuffer fb;
    private final int start;
    private final int length;
    private final int elemSize;
    private final String path;
    private final int depth;

    FbVector(FlatBuffer fb, int start, int length, int elemSize, String path, int depth) {
        this.fb = fb;
        this.start = start;
        this.length = length;
        this.elemSize = elemSize;
        this.path = path;
        this.depth = depth;
    }

    /** Number of elements. */
    public int length() {
        return length;
    }

    /** File position of the first element. */
    public int start() {
        return start;
    }

    /** File position of element {@code i}. */
    public int at(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(path + "[" + i + "] of " + length);
        }
        return start + i * elemSize;
    }

    /** Path for messages, e.g. {@code Model.buffers}. */
    public String path() {
        return path;
    }

    /** Element {@code i} as an {@code int}. */
    public int int32(int i) throws TfliteException {
        return fb.int32(at(i), path + "[" + i + "]");
    }

    /** Element {@code i} as a {@code ubyte}. */
    public int uint8(int i) throws TfliteException {
        return fb.uint8(at(i), path + "[" + i + "]");
    }

    /** All elements as {@code int}s. */
    public int[] int32s() throws TfliteException {
        int[] v = new int[length];
        for (int i = 0; i < length; i++) {
            v[i] = int32(i);
        }
        return v;
    }

    /** All elements as {@code long}s. */
    public long[] int64s() throws TfliteException {
        long[] v = new long[length];
        for (int i = 0; i < length; i++) {
            v[i] = fb.int64(at(i), path);
        }
        return v;
    }

    /** All elements as {@code float}s. */
    public float[] float32s() throws TfliteException {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = fb.float32(at(i), path);
        }
        return v;
    }

    /** A copy of the elements' bytes. */
    public byte[] bytes() throws TfliteException {
        return fb.copy(start, length * elemSize, path);
    }

    /** Element {@code i} of a vector of tables. */
    public FbTable table(int i) throws TfliteException {
        String sub = path + "[" + i + "]";
        return fb.table(fb.reference(at(i), sub), sub, depth + 1);
    }

    /** Element {@code i} of a vector of strings. */
    public String string(int i) throws TfliteException {
        String sub = path + "[" + i + "]";
        return fb.string(fb.reference(at(i), sub), sub);
    }
}
