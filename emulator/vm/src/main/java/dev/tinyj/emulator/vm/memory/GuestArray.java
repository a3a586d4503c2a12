package dev.tinyj.emulator.vm.memory;

/**
 * One guest array: its elements in a typed host array, its guest address and where it lives
 * (SRAM heap or flash). Guest references are int handles into the machine's array table
 * ({@link ArrayTable}); handle 0 is {@code null}.
 *
 * <p>Element types use the JVMS §6.5 {@code newarray} {@code atype} codes
 * ({@code T_BOOLEAN} 4 ... {@code T_LONG} 11); boolean arrays are stored as bytes, as the JVM
 * stores them for {@code baload}/{@code bastore}.
 */
public final class GuestArray {
    /** JVMS {@code newarray} atype codes. */
    public static final int T_BOOLEAN = 4;
    public static final int T_CHAR = 5;
    public static final int T_FLOAT = 6;
    public static final int T_DOUBLE = 7;
    public static final int T_BYTE = 8;
    public static final int T_SHORT = 9;
    public static final int T_INT = 10;
    public static final int T_LONG = 11;

    public final int type;
    public final int length;
    public final byte[] b;
    public final short[] s;
    public final char[] c;
    public final int[] i;
    public final long[] j;
    public final float[] f;
    /** Whether the array lives in flash (read-only, flash-costed loads). */
    public final boolean inFlash;
    /** Guest address of the array header (SRAM or flash address space). */
    public int address;

    private GuestArray(int type, int length, boolean inFlash, byte[] b) {
        this.type = type;
        this.length = length;
        this.inFlash = inFlash;
        this.b = b != null ? b : (type == T_BYTE || type == T_BOOLEAN ? new byte[length] : null);
        this.s = type == T_SHORT ? new short[length] : null;
        this.c = type == T_CHAR ? new char[length] : null;
        this.i = type == T_INT ? new int[length] : null;
        this.j = type == T_LONG ? new long[length] : null;
        this.f = type == T_FLOAT ? new float[length] : null;
    }

    /** A zeroed array of {@code length} elements of {@code type} in SRAM or flash. */
    public static GuestArray allocate(int type, int length, boolean inFlash) {
        return new GuestArray(type, length, inFlash, null);
    }

    /** A byte array in flash wrapping {@code bytes} (not copied): a flash segment. */
    public static GuestArray flashBytes(byte[] bytes) {
        return new GuestArray(T_BYTE, bytes.length, true, bytes);
    }

    /** The atype code of a primitive descriptor character ({@code Z B C S I J F}). */
    public static int atypeOf(char descriptor) {
        return switch (descriptor) {
            case 'Z' -> T_BOOLEAN;
            case 'B' -> T_BYTE;
            case 'C' -> T_CHAR;
            case 'S' -> T_SHORT;
            case 'I' -> T_INT;
            case 'F' -> T_FLOAT;
            case 'J' -> T_LONG;
            default -> throw new IllegalArgumentException("not a primitive array element: " + descriptor);
        };
    }

    /** Bytes per element of {@code type}. */
    public static int elementBytes(int type) {
        return switch (type) {
            case T_BOOLEAN, T_BYTE -> 1;
            case T_CHAR, T_SHORT -> 2;
            case T_INT, T_FLOAT -> 4;
            case T_LONG, T_DOUBLE -> 8;
            default -> throw new IllegalArgumentException("not a newarray atype: " + type);
        };
    }

    /** Java name of an element type, e.g. {@code int}. */
    public static String typeName(int type) {
        return switch (type) {
            case T_BOOLEAN -> "boolean";
            case T_BYTE -> "byte";
            case T_CHAR -> "char";
            case T_SHORT -> "short";
            case T_INT -> "int";
            case T_FLOAT -> "float";
            case T_LONG -> "long";
            case T_DOUBLE -> "double";
            default -> "atype " + type;
        };
    }

    /** Data bytes (elements only, no header). */
    public int dataBytes() {
        return length * elementBytes(type);
    }

    /** Element {@code k} as a raw stack value (float as its raw int bits). */
    public long get(int k) {
        return switch (type) {
            case T_BOOLEAN, T_BYTE -> b[k];
            case T_CHAR -> c[k];
            case T_SHORT -> s[k];
            case T_INT -> i[k];
            case T_FLOAT -> Float.floatToRawIntBits(f[k]);
            case T_LONG -> j[k];
            default -> throw new IllegalStateException();
        };
    }

    /** Sets element {@code k} from a raw stack value, narrowing as the JVMS store opcode does. */
    public void set(int k, long v) {
        switch (type) {
            case T_BOOLEAN -> b[k] = (byte) (v & 1);
            case T_BYTE -> b[k] = (byte) v;
            case T_CHAR -> c[k] = (char) v;
            case T_SHORT -> s[k] = (short) v;
            case T_INT -> i[k] = (int) v;
            case T_FLOAT -> f[k] = Float.intBitsToFloat((int) v);
            case T_LONG -> j[k] = v;
            default -> throw new IllegalStateException();
        }
    }

    /** The host array holding the elements (for {@code System.arraycopy}). */
    public Object data() {
        return switch (type) {
            case T_BOOLEAN, T_BYTE -> b;
            case T_CHAR -> c;
            case T_SHORT -> s;
            case T_INT -> i;
            case T_FLOAT -> f;
            case T_LONG -> j;
            default -> throw new IllegalStateException();
        };
    }
}
