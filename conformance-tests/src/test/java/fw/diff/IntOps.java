package fw.diff;

import dev.tinyj.hal.Serial;

/**
 * Differential firmware: int arithmetic, shifts, comparisons, narrowing conversions, switches,
 * {@code iinc} (including {@code wide iinc}), constants and the int intrinsics. Every function is
 * pure: its result depends on its arguments only. {@code loop()} calls each once so the verifier
 * reaches it.
 */
public final class IntOps {
    private IntOps() {
    }

    public static int add(int a, int b) {
        return a + b;
    }

    public static int sub(int a, int b) {
        return a - b;
    }

    public static int mul(int a, int b) {
        return a * b;
    }

    /** idiv; a zero divisor is steered away (the fault is tested in faults/). */
    public static int div(int a, int b) {
        return b == 0 ? a : a / b;
    }

    public static int rem(int a, int b) {
        return b == 0 ? a : a % b;
    }

    public static int shl(int a, int n) {
        return a << n;
    }

    public static int shr(int a, int n) {
        return a >> n;
    }

    public static int ushr(int a, int n) {
        return a >>> n;
    }

    public static int bits(int a, int b) {
        return (a & b) ^ ((a | b) << 1) ^ ~a;
    }

    public static int minMax(int a, int b) {
        return Math.min(a, b) * 31 + Math.max(a, b);
    }

    /** Every if_icmp form: one bit per relation. */
    public static int relations(int a, int b) {
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

    /** Every if-against-zero form. */
    public static int signs(int a) {
        int r = 0;
        if (a == 0) {
            r |= 1;
        }
        if (a != 0) {
            r |= 2;
        }
        if (a < 0) {
            r |= 4;
        }
        if (a >= 0) {
            r |= 8;
        }
        if (a > 0) {
            r |= 16;
        }
        if (a <= 0) {
            r |= 32;
        }
        return r;
    }

    public static int neg(int a) {
        return -a;
    }

    public static int abs(int a) {
        return Math.abs(a);
    }

    public static int clz(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    /** i2b, i2c, i2s and back. */
    public static int narrow(int a) {
        byte b = (byte) a;
        char c = (char) a;
        short s = (short) a;
        return b * 7 + c * 3 + s;
    }

    /** Constants of every int form: iconst_m1..5, bipush, sipush, ldc. */
    public static int constants(int a) {
        int r = a * -1 + 0 + 1 + 2 * 3 + 4 * 5;
        r ^= a > 0 ? 100 : -100;
        r += a & 30000;
        r -= -30000;
        return r + 123_456_789 + (a < 0 ? -987_654_321 : 0);
    }

    /** iinc with small and wide (sign-extended 16-bit) increments. */
    public static int increments(int a) {
        int x = a;
        x++;
        x += 100;
        x -= 5;
        x += 1000;
        x -= 32768;
        x += 32767;
        for (int i = 0; i < (a & 7); i++) {
            x += i;
        }
        return x;
    }

    /** Dense switch: tableswitch. */
    public static int dense(int k) {
        switch (k) {
            case -2:
                return 11;
            case -1:
                return 12;
            case 0:
                return 13;
            case 1:
                return 14;
            case 2:
                return 15;
            case 3:
                return 16;
            case 5:
                return 17;
            default:
                return k >> 3;
        }
    }

    /** Sparse switch: lookupswitch with extreme keys. */
    public static int sparse(int k) {
        switch (k) {
            case Integer.MIN_VALUE:
                return 1;
            case -100_000:
                return 2;
            case -1:
                return 3;
            case 7:
                return 4;
            case 1000:
                return 5;
            case 65_536:
                return 6;
            case Integer.MAX_VALUE:
                return 7;
            default:
                return k & 0xFF;
        }
    }

    /** Arrow switch over a narrow range (still tableswitch), falling through several labels. */
    public static int grouped(int k) {
        return switch (k & 15) {
            case 0, 1, 2 -> 100;
            case 3, 4 -> 200;
            case 9 -> 300;
            default -> k;
        };
    }

    public static void setup() {
        Serial.begin(9600);
    }

    public static void loop() {
        int x = 12345;
        x = add(x, 7) ^ sub(x, 3) ^ mul(x, -9) ^ div(x, 5) ^ rem(x, 6) ^ shl(x, 3) ^ shr(x, 2) ^ ushr(-x, 30);
        x ^= bits(x, 77) ^ minMax(x, -4) ^ relations(x, 9) ^ signs(x) ^ neg(x) ^ abs(x) ^ clz(x);
        x ^= narrow(x) ^ constants(x) ^ increments(x) ^ dense(x) ^ sparse(x) ^ grouped(x);
        Serial.println(x);
    }
}
