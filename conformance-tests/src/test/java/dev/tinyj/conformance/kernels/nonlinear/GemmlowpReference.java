package dev.tinyj.conformance.kernels.nonlinear;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;

/**
 * Test-side restatement of gemmlowp's fixed-point exp / reciprocal / logistic / tanh and TFLM's int8
 * SOFTMAX, LOGISTIC and TANH loops, written from the algorithm's description with explicit formats:
 * a value is a raw int and a count of integer bits, products go through
 * {@link ReferenceArithmetic#srdhm} (BigInteger), rescales through
 * {@link ReferenceArithmetic#saturatingRoundingMultiplyByPOT}. Sums wrap as int32 sums do.
 */
final class GemmlowpReference {
    private GemmlowpReference() {
    }

    /** exp(−2^k) in Q0.31 for k = −2 … 4 (gemmlowp's barrel-shifter constants). */
    private static final int[][] EXP_OF_MINUS_POWER_OF_TWO = {
        {-2, 1672461947}, {-1, 1302514674}, {0, 790015084}, {1, 290630308}, {2, 39332535}, {3, 720401}, {4, 242}};

    static int mul(int a, int b) {
        return ReferenceArithmetic.srdhm(a, b);
    }

    static int rescale(int raw, int fromBits, int toBits) {
        return ReferenceArithmetic.saturatingRoundingMultiplyByPOT(raw, fromBits - toBits);
    }

    /** exp on [−1/4, 0): Taylor series around −1/8 up to the fourth power, all Q0.31. */
    static int expSmall(int a) {
        int y = a + (1 << 28);
        int y2 = mul(y, y);
        int y3 = mul(y2, y);
        int y4 = mul(y2, y2);
        // y^2/2 + y^3/6 + y^4/24 = ((y^4/4 + y^3) / 3 + y^2) / 2
        int inner = mul(ReferenceArithmetic.roundingDivideByPOT(y4, 2) + y3, 715827883) + y2;
        int series = ReferenceArithmetic.roundingDivideByPOT(inner, 1);
        return 1895147668 + mul(1895147668, y + series);
    }

    /** exp(a) for a ≤ 0 in Q(bits): a = (a mod 1/4 − 1/4) − remainder, remainder a sum of powers of two. */
    static int expNegative(int a, int bits) {
        if (a == 0) {
            return Integer.MAX_VALUE;
        }
        int fracBits = 31 - bits;
        int quarter = 1 << (fracBits - 2);
        int residue = Math.floorMod(a, quarter) - quarter; // same as a & (quarter − 1) for a power of two
        int result = expSmall(rescale(residue, bits, 0));
        int remainder = residue - a;
        for (int[] stage : EXP_OF_MINUS_POWER_OF_TWO) {
            int k = stage[0];
            if (bits > k && ((remainder >>> (fracBits + k)) & 1) == 1) {
                result = mul(result, stage[1]);
            }
        }
        if (bits > 5 && a < -(1 << (fracBits + 5))) {
            result = 0;
        }
        return result;
    }

    /** Newton–Raphson for 1/(1 + a), a in Q0.31, returning the Q2.29 iterate for 2/(1 + a). */
    private static int reciprocalIterate(int a) {
        long s = (long) a + Integer.MAX_VALUE;
        int half = (int) ((s + (s >= 0 ? 1 : -1)) / 2);
        int x = 1515870810 + mul(half, -1010580540);
        for (int step = 0; step < 3; step++) {
            int err = (1 << 29) - mul(half, x);
            x = x + rescale(mul(x, err), 4, 2);
        }
        return x;
    }

    static int oneOverOnePlusX(int a) {
        return rescale(reciprocalIterate(a), 1, 0);
    }

    static int oneMinusXOverOnePlusX(int a) {
        return rescale(reciprocalIterate(a) - (1 << 29), 2, 0);
    }

    static int logistic(int a, int bits) {
        if (a == 0) {
            return 1 << 30;
        }
        int r = oneOverOnePlusX(expNegative(a > 0 ? -a : a, bits));
        return a > 0 ? r : Integer.MAX_VALUE - r;
    }

    static int tanh(int a, int bits) {
        if (a == 0) {
            return 0;
        }
        int r = oneMinusXOverOnePlusX(expNegative(a < 0 ? a : -a, bits + 1));
        return a < 0 ? -r : r;
    }

    static byte clamp8(int v) {
        return (byte) Math.max(-128, Math.min(127, v));
    }

    /** TFLM int8 LOGISTIC (tanh = false) or TANH on int values. */
    static byte[] sigmoidQ4(byte[] in, int zeroPoint, int radius, int multiplier, int shift, boolean tanh) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            int x = in[i] - zeroPoint;
            if (x <= -radius) {
                out[i] = -128;
            } else if (x >= radius) {
                out[i] = 127;
            } else {
                int q4 = ReferenceArithmetic.multiplyByQuantizedMultiplier(x, multiplier, shift);
                out[i] = tanh ? clamp8(ReferenceArithmetic.roundingDivideByPOT(tanh(q4, 4), 24))
                        : clamp8(ReferenceArithmetic.roundingDivideByPOT(logistic(q4, 4), 23) - 128);
            }
        }
        return out;
    }

    /** TFLM int8 SOFTMAX over rows of {@code depth}. */
    static byte[] softmax(byte[] in, int depth, int multiplier, int leftShift, int diffMin) {
        byte[] out = new byte[in.length];
        for (int start = 0; start < in.length; start += depth) {
            int max = -128;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[start + c]);
            }
            int[] exps = new int[depth];
            boolean[] counted = new boolean[depth];
            int sum = 0;
            for (int c = 0; c < depth; c++) {
                int diff = in[start + c] - max;
                counted[c] = diff >= diffMin;
                if (counted[c]) {
                    int scaled = mul(diff << leftShift, multiplier);
                    exps[c] = expNegative(scaled, 5);
                    sum += rescale(exps[c], 0, 12);
                }
            }
            // sum = 2^(12 − z) · (1 + f) with z leading zeros of the raw Q12.19 sum
            int z = Long.numberOfLeadingZeros(sum & 0xFFFFFFFFL) - 32;
            int fraction = (int) (((sum & 0xFFFFFFFFL) << z) - (1L << 31));
            int reciprocal = oneOverOnePlusX(fraction);
            int shift = (12 - z) + 23;
            for (int c = 0; c < depth; c++) {
                out[start + c] = counted[c]
                        ? clamp8(ReferenceArithmetic.roundingDivideByPOT(mul(reciprocal, exps[c]), shift) - 128)
                        : (byte) -128;
            }
        }
        return out;
    }
}
