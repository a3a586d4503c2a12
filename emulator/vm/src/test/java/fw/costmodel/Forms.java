package fw.costmodel;

/**
 * Small methods whose cost-model forms {@code CostFormsTest} checks: each is the Java shape of a C
 * idiom whose machine code differs by width, induction variable or select.
 */
public final class Forms {
    private Forms() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    /** C int16: {@code acc += a[i] * b[i]} with a 16-bit int product: 8x8 multiply, pointer walks. */
    public static int mac16(byte[] a, byte[] b, short n) {
        int acc = 0;
        for (short i = 0; i < n; i++) {
            acc += (short) (a[i] * b[i]);
        }
        return acc;
    }

    /** C int32: the same product kept in 32 bits: a 16x16 into 32 multiply. */
    public static int mac32(byte[] a, byte[] b, int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    /** A 16-bit sum and a 16-bit rounding division by 4. */
    public static short avg(short s, short t) {
        short u = (short) (s + t);
        return (short) ((short) (u + 2) / 4);
    }

    /** A 32-bit add, a 32-bit compare and a clamp that is a select. */
    public static int clamp(int v, int lo) {
        int x = v + lo;
        if (x < lo) {
            x = lo;
        }
        return x;
    }

    /** Narrowing a masked byte is free; {@code (long) a * b} of ints is 32x32 into 64. */
    public static long wide(byte v, int a, int b) {
        byte w = (byte) (v & 0x7F);
        return (long) a * (long) b + w;
    }

    /** Calls a helper with a loop (a real call) and a small loop-free one (inlined). */
    public static int calls(int n) {
        return sum(n) + twice(n);
    }

    static int sum(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    static int twice(int n) {
        return n + n;
    }
}
