package dev.tinyj.conformance.kernels.nonlinear;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Test-side restatement of TFLM's int8 LOG_SOFTMAX (log_softmax.h {@code LogSoftmaxQuantized},
 * log_softmax.cc {@code CalculateOpData}) and of {@code log_x_for_x_greater_than_or_equal_to_1}
 * (common.h), written from the algorithm's description with explicit formats: a fixed-point value
 * is a raw int and its count of integer bits, products go through {@link ReferenceArithmetic#srdhm}
 * (BigInteger), rescales through {@link ReferenceArithmetic#saturatingRoundingMultiplyByPOT}, the
 * exp and reciprocal through {@link GemmlowpReference}; sums of fixed-point values wrap as int32
 * sums do; the scaling is derived with BigDecimal.
 */
final class LogSoftmaxReference {
    private LogSoftmaxReference() {
    }

    /** The prepared parameters: input multiplier and left shift, reverse divisor and right shift, diff_min. */
    record Params(int multiplier, int leftShift, int reverseDivisor, int reverseRightShift, int diffMin) {
    }

    /**
     * {@code PreprocessLogSoftmaxScalingExp(1.0, input_scale, 5)} and {@code diff_min}: the real
     * multiplier {@code min(input_scale · 2^26, 2^31 − 1)} quantized; the reverse divisor
     * {@code 2^(31 − left_shift) / multiplier} quantized (a right shift); diff_min =
     * −floor(31 · 2^26 / 2^left_shift).
     */
    static Params params(float inputScale) {
        double real = Math.min((double) inputScale * (1 << 26), (1L << 31) - 1.0);
        QuantizedMultiplier in = ReferenceArithmetic.quantizeMultiplier(real);
        BigDecimal reverse = new BigDecimal(BigInteger.ONE.shiftLeft(31 - in.shift()))
                .divide(new BigDecimal(in.multiplier()), 40, RoundingMode.HALF_EVEN);
        QuantizedMultiplier rev = ReferenceArithmetic.quantizeMultiplier(reverse.doubleValue());
        BigInteger radius = BigInteger.valueOf(31).shiftLeft(26).shiftRight(in.shift());
        return new Params(in.multiplier(), in.shift(), rev.multiplier(), -rev.shift(), -radius.intValueExact());
    }

    private static int mul(int a, int b) {
        return ReferenceArithmetic.srdhm(a, b);
    }

    private static int clamp32(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /**
     * ln(x) for a raw {@code x} ≥ 1 in Q(inBits), as a raw Q(outBits): x is read as Q0.31 and
     * normalised two ways, x·2^(za−1) and x·2^zb after premultiplying by sqrt(1/2) (za − 1, zb the
     * leading-zero headrooms), giving a mantissa r = min of the two (each doubled into [1/2, 1)) and
     * a power-of-two term max(inBits − za + 1/4, inBits − zb − 1/4) in Q(outBits + 1); then
     * ln(r) ≈ (q·r + q³·αn) / (1 + p·(αi + q + αd·q²) + αf·q) with p = (r + 2^(−1/4)) / 2 and
     * q = 2·(r − 2^(−1/4)); the sum term·ln 2 + that, rescaled to Q(outBits).
     */
    static int log(int x, int inBits, int outBits) {
        int accBits = outBits + 1;
        int quarter = ReferenceArithmetic.saturatingRoundingMultiplyByPOT(536870912, -accBits);
        int za = Integer.numberOfLeadingZeros(x);
        int ra = ReferenceArithmetic.saturatingRoundingMultiplyByPOT(
                mul(ReferenceArithmetic.saturatingRoundingMultiplyByPOT(x, za - 1), 1518500250), 1);
        int powA = clamp32((long) ReferenceArithmetic.saturatingRoundingMultiplyByPOT(inBits - za, 31 - accBits)
                + quarter);
        int xb = mul(x, 1518500250);
        int zb = Integer.numberOfLeadingZeros(xb) - 1;
        int rb = ReferenceArithmetic.saturatingRoundingMultiplyByPOT(x, zb);
        int powB = clamp32((long) ReferenceArithmetic.saturatingRoundingMultiplyByPOT(inBits - zb, 31 - accBits)
                - quarter);
        int r = Math.min(ra, rb);
        int pow = Math.max(powA, powB);
        long s = (long) r + 1805811301;
        int p = (int) ((s + (s >= 0 ? 1 : -1)) / 2);
        int q = 2 * (r - 1805811301);
        int q2 = mul(q, q);
        int num = mul(q, r) + mul(mul(q, q2), 117049297);
        int denom = mul(p, 1057819769 + q + mul(127690142, q2)) + mul(638450708, q);
        int recip = GemmlowpReference.oneOverOnePlusX(denom);
        int sum = mul(pow, 1488522236)
                + mul(ReferenceArithmetic.saturatingRoundingMultiplyByPOT(num, -accBits), recip);
        return ReferenceArithmetic.saturatingRoundingMultiplyByPOT(sum, accBits - outBits);
    }

    /** TFLM int8 LOG_SOFTMAX over rows of {@code depth}; null when a row's Q12.19 sum overflows int32. */
    static byte[] logSoftmax(byte[] in, int depth, Params p) {
        byte[] out = new byte[in.length];
        for (int start = 0; start < in.length; start += depth) {
            int max = -128;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[start + c]);
            }
            long sum = 0;
            for (int c = 0; c < depth; c++) {
                int diff = in[start + c] - max;
                if (diff >= p.diffMin()) {
                    int q5 = ReferenceArithmetic.multiplyByQuantizedMultiplier(diff, p.multiplier(), p.leftShift());
                    sum += GemmlowpReference.rescale(GemmlowpReference.expNegative(q5, 5), 0, 12);
                }
            }
            if (sum > Integer.MAX_VALUE) {
                return null;
            }
            int logSum = log((int) sum, 12, 5);
            int adjusted = Math.max(p.diffMin() - 1, ReferenceArithmetic.multiplyByQuantizedMultiplier(
                    logSum + Integer.MIN_VALUE, p.reverseDivisor(), -p.reverseRightShift()));
            for (int c = 0; c < depth; c++) {
                int diff = in[start + c] - max;
                int v = -128;
                if (diff > adjusted) {
                    int q5 = ReferenceArithmetic.multiplyByQuantizedMultiplier(diff, p.multiplier(), p.leftShift());
                    v = GemmlowpReference.clamp8(ReferenceArithmetic.roundingDivideByPOT(q5 - logSum, 22) + 127);
                }
                out[start + c] = (byte) v;
            }
        }
        return out;
    }
}
