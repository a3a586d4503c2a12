package fw.heldout;

import dev.tinyj.hal.Serial;

/**
 * Held-out firmware: Q15 and Q31 fixed-point arithmetic as int8 kernels use it (saturating rounding
 * doubling high multiply, rounding divide by a power of two, Q15 multiply with saturation), plus a
 * fixed-point dot product and a long accumulator.
 */
public class FixedPoint {
    static final int[] Q31 = {Integer.MIN_VALUE, -1_073_741_824, -1, 0, 1, 1_518_500_250, Integer.MAX_VALUE};
    static int step;

    public static void setup() {
        step = 0;
        Serial.println("fixed point");
    }

    /** Q31 × Q31 → Q31, rounding half away from zero, saturating MIN × MIN. */
    static int srdhm(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        int nudge = ab >= 0 ? 1 << 30 : 1 - (1 << 30);
        return (int) ((ab + nudge) / (1L << 31));
    }

    /** Arithmetic right shift rounding to nearest, ties away from zero. */
    static int roundingShift(int x, int exponent) {
        int mask = (1 << exponent) - 1;
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /** Q15 × Q15 → Q15 with rounding and saturation. */
    static short q15mul(short a, short b) {
        int p = (a * b + (1 << 14)) >> 15;
        return (short) Math.max(-32_768, Math.min(32_767, p));
    }

    static long dot(int scale) {
        long sum = 0;
        for (int i = 0; i < Q31.length; i++) {
            sum += srdhm(Q31[i], Q31[(i + scale) % Q31.length]);
        }
        return sum;
    }

    public static void loop() {
        step++;
        for (int i = 0; i < Q31.length; i++) {
            int a = Q31[i];
            int b = Q31[(i + step) % Q31.length];
            Serial.print(srdhm(a, b));
            Serial.print(' ');
            Serial.print(roundingShift(a, step * 5 % 31 + 1));
            Serial.print(' ');
            Serial.println(roundingShift(b ^ 0x5555, step));
        }
        short x = (short) (step * 12_345);
        short y = (short) -32_768;
        Serial.println(q15mul(x, y));
        Serial.println(q15mul(y, y));
        Serial.println(q15mul(x, x));
        Serial.println(dot(step));
    }
}
