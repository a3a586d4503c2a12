package fw.diff;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Serial;

/**
 * Differential firmware: arrays of every primitive type, static fields of every type, the stack
 * shuffles javac emits for compound assignments and chained stores, array references
 * ({@code aconst_null}, {@code ifnull}, {@code if_acmp*}, {@code areturn}), {@code arraylength},
 * {@code System.arraycopy} and the {@code Flash} readers on an SRAM {@code byte[]}.
 *
 * <p>Arrays are allocated in {@code setup()} and each function first refills the arrays it uses
 * from its arguments, so results depend on the arguments only.
 */
public final class ArrayOps {
    static final int N = 8;
    static int[] ia;
    static byte[] ba;
    static char[] ca;
    static short[] sa;
    static boolean[] za;
    static long[] la;
    static float[] fa;
    static int[] ib;

    static boolean sz;
    static byte sb;
    static char sc;
    static short ss;
    static int si;
    static long sl;
    static float sf;

    private ArrayOps() {
    }

    /** iaload/iastore, {@code a[i] += v} (dup2), {@code a[i++]}, chained stores (dup_x2), arraylength. */
    public static int intArray(int i, int v) {
        for (int k = 0; k < ia.length; k++) {
            ia[k] = v * k;
        }
        int j = i & 7;
        ia[j] += v;
        ia[j] <<= 3;
        int p = 0;
        ia[p++] = v;
        ia[p++] = ia[j]--;
        int chained = ia[(j + 1) & 7] = ia[(j + 2) & 7] = v ^ i;
        int s = chained;
        for (int k = 0; k < N; k++) {
            s = s * 31 + ia[k];
        }
        return s + p;
    }

    /** baload/bastore with narrowing and sign extension. */
    public static int byteArray(int i, int v) {
        for (int k = 0; k < N; k++) {
            ba[k] = (byte) (v >> k);
        }
        ba[i & 7] += (byte) i;
        ba[(i >> 3) & 7]++;
        int s = 0;
        for (int k = 0; k < ba.length; k++) {
            s = s * 7 + ba[k];
        }
        return s;
    }

    /** caload/castore: unsigned 16-bit. */
    public static int charArray(int i, int v) {
        for (int k = 0; k < N; k++) {
            ca[k] = (char) (v - k);
        }
        ca[i & 7] += (char) i;
        ca[(i >> 3) & 7]--;
        int s = 0;
        for (char c : ca) {
            s = s * 5 + c;
        }
        return s;
    }

    /** saload/sastore: signed 16-bit. */
    public static int shortArray(int i, int v) {
        for (int k = 0; k < N; k++) {
            sa[k] = (short) (v * (k + 1));
        }
        sa[i & 7] *= (short) 3;
        sa[(i >> 3) & 7] >>= 1;
        int s = 0;
        for (short x : sa) {
            s = s * 3 + x;
        }
        return s;
    }

    /** boolean arrays: baload/bastore of 0/1. */
    public static int booleanArray(int i, int v) {
        for (int k = 0; k < N; k++) {
            za[k] = ((v >> k) & 1) != 0;
        }
        za[i & 7] = !za[i & 7];
        za[(i >> 3) & 7] |= v < 0;
        int s = 0;
        for (int k = 0; k < N; k++) {
            s = s << 1 | (za[k] ? 1 : 0);
        }
        return s;
    }

    /** laload/lastore, {@code a[i] += x} (dup2), {@code a[i]++} used (dup2_x2), chained long stores. */
    public static long longArray(long x, int i) {
        for (int k = 0; k < N; k++) {
            la[k] = x >> k;
        }
        int j = i & 7;
        la[j] += x;
        long post = la[(j + 3) & 7]++;
        long chained = la[(j + 1) & 7] = la[(j + 2) & 7] = x ^ i;
        sl = la[j] = x - 1;
        long s = post ^ chained ^ sl;
        for (long e : la) {
            s = s * 31 + e;
        }
        return s;
    }

    /** faload/fastore and a compound float store. */
    public static float floatArray(float x, int i) {
        for (int k = 0; k < N; k++) {
            fa[k] = x * k;
        }
        fa[i & 7] += x;
        float chained = fa[(i + 1) & 7] = fa[(i + 2) & 7] = x / 3;
        float s = chained;
        for (int k = 0; k < N; k++) {
            s = s * 0.5f + fa[k];
        }
        return s;
    }

    /** Static fields of every type: putstatic narrows as the JVM does; chains and compound updates. */
    @SuppressWarnings("lossy-conversions") // compound assignment narrowing is the semantics under test
    public static int statics(int a, int b) {
        sz = a > b;
        sb = (byte) a;
        sc = (char) b;
        ss = (short) (a ^ b);
        si = a;
        sl = (long) a * b;
        sf = a * 0.25f;
        sb += 3;
        sc++;
        ss -= b;
        int chained = si = ss = (short) (si + sb);
        long lchain = sl += si;
        int r = (sz ? 1 : 0) + sb * 3 + sc * 5 + ss * 7 + si * 11 + chained;
        return r + (int) lchain + (int) (sl >> 32) + Float.floatToRawIntBits(sf);
    }

    /** System.arraycopy within one array (overlapping) and between two. */
    public static int copy(int i, int v) {
        for (int k = 0; k < N; k++) {
            ia[k] = v + k;
            ib[k] = -k;
        }
        int len = i & 3;
        System.arraycopy(ia, 0, ia, 1 + (i >> 2 & 3), len);
        System.arraycopy(ia, (i >> 4) & 3, ib, 2, 4);
        int s = 0;
        for (int k = 0; k < N; k++) {
            s = s * 17 + ia[k] - ib[k];
        }
        return s;
    }

    /** Flash.readShort/readInt (little-endian) on an SRAM byte[]. */
    public static int flashReads(int i, int v) {
        for (int k = 0; k < N; k++) {
            ba[k] = (byte) (v >>> (k * 4) ^ i);
        }
        int off = i & 3;
        return Flash.readInt(ba, off) ^ Flash.readShort(ba, off + 2) * 65_599 ^ Flash.readShort(ba, 6);
    }

    /** Array references: aconst_null, ifnull/ifnonnull, if_acmpeq/ne, areturn, astore/aload. */
    public static int references(int i, int v) {
        int[] a = pick(i);
        int[] b = pick(v);
        int[] none = null;
        int r = 0;
        if (a == b) {
            r |= 1;
        }
        if (a != ib) {
            r |= 2;
        }
        if (none == null) {
            r |= 4;
        }
        if (a != null) {
            r |= 8 + a.length;
        }
        if (i < 0) {
            none = a;
        }
        return none != null ? r | 64 : r;
    }

    /** Returns an array: areturn. */
    static int[] pick(int k) {
        return (k & 1) == 0 ? ia : ib;
    }

    public static void setup() {
        ia = new int[N];
        ba = new byte[N];
        ca = new char[N];
        sa = new short[N];
        za = new boolean[N];
        la = new long[N];
        fa = new float[N];
        ib = new int[N];
        Serial.begin(9600);
    }

    public static void loop() {
        int x = intArray(3, 99) ^ byteArray(5, -99) ^ charArray(7, 65_000) ^ shortArray(2, -300)
                ^ booleanArray(9, 0xA5) ^ statics(7, -3) ^ copy(13, 4) ^ flashReads(2, 0x1234_5678)
                ^ references(1, 2);
        Serial.println(x);
        Serial.println(longArray(77L, 4));
        Serial.println(floatArray(1.5f, 6));
    }
}
