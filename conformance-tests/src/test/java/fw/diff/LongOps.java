package fw.diff;

import dev.tinyj.hal.Serial;

/**
 * Differential firmware: long arithmetic, shifts, {@code lcmp}, conversions between int and long,
 * long constants, long arguments and returns, and the long intrinsics. Pure functions.
 */
public final class LongOps {
    private LongOps() {
    }

    public static long add(long a, long b) {
        return a + b;
    }

    public static long sub(long a, long b) {
        return a - b;
    }

    public static long mul(long a, long b) {
        return a * b;
    }

    public static long div(long a, long b) {
        return b == 0 ? a : a / b;
    }

    public static long rem(long a, long b) {
        return b == 0 ? a : a % b;
    }

    public static long bits(long a, long b) {
        return (a & b) ^ ((a | b) << 1) ^ ~a;
    }

    public static long minMax(long a, long b) {
        return Math.min(a, b) * 31 + Math.max(a, b);
    }

    /** lcmp followed by every if form javac uses for long relations. */
    public static int relations(long a, long b) {
        int r = 0;
        if (a == b) {
            r |= 1;
        }
        if (a != b) {
            r |= 2;
        }
        if (a < b) {
            r |= 4;
        }
        if (a >= b) {
            r |= 8;
        }
        if (a > b) {
            r |= 16;
        }
        if (a <= b) {
            r |= 32;
        }
        return r;
    }

    public static long shl(long a, int n) {
        return a << n;
    }

    public static long shr(long a, int n) {
        return a >> n;
    }

    public static long ushr(long a, int n) {
        return a >>> n;
    }

    /** i2l·i2l·lmul: the 32x32→64 multiply the cost model recognises. */
    public static long wideMul(long a, int b) {
        return (long) (int) a * (long) b;
    }

    public static long neg(long a) {
        return -a;
    }

    public static long abs(long a) {
        return Math.abs(a);
    }

    /** lconst_0, lconst_1 and ldc2_w. */
    public static long constants(long a) {
        long r = a * 0L + 1L;
        r += a > 0 ? 0x1234_5678_9ABC_DEF0L : -7L;
        return r ^ Long.MIN_VALUE ^ (a & 0xFFFF_FFFF_0000L);
    }

    /** l2i and the int → long sign extension. */
    public static int low(long a) {
        return (int) a + (int) (a >>> 32);
    }

    public static long widen(int a) {
        long x = a;
        return x * 3 + (a & 0xFFFF_FFFFL);
    }

    /** A long local across a loop, plus a long accumulated from int halves. */
    public static long accumulate(long a, long b) {
        long s = 0;
        for (int i = 0; i < 5; i++) {
            s = s * 131 + (a >> (i * 8)) - (b << i);
        }
        return s;
    }

    public static void setup() {
        Serial.begin(9600);
    }

    public static void loop() {
        long x = 0x0123_4567_89AB_CDEFL;
        x = add(x, 7) ^ sub(x, 3) ^ mul(x, -9) ^ div(x, 5) ^ rem(x, 6) ^ bits(x, 77) ^ minMax(x, -4);
        x ^= relations(x, 9) ^ shl(x, 3) ^ shr(x, 2) ^ ushr(x, 60) ^ wideMul(x, 5) ^ neg(x) ^ abs(x);
        x ^= constants(x) ^ low(x) ^ widen((int) x) ^ accumulate(x, 3);
        Serial.println(x);
    }
}
