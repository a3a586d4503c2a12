package dev.tinyj.runtime.math;

/**
 * gemmlowp's fixed-point exponential, on raw int32 values of {@code FixedPoint<int32, kIntegerBits>}
 * (a raw value {@code r} stands for {@code r / 2^(31 − kIntegerBits)}). The template parameter
 * {@code kIntegerBits} is passed as an ordinary argument here.
 *
 * <p>Pinned to gemmlowp {@code fda83bdc38b118cc6b56753bd540caa49e570745} (the version tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 builds against), {@code fixedpoint/fixedpoint.h}:
 * {@code SaturatingRoundingMultiplyByPOT}, {@code Rescale}, {@code RoundingHalfSum},
 * {@code exp_on_interval_between_negative_one_quarter_and_0_excl}, {@code exp_on_negative_values}.
 * Scalar int32 only: {@code +}/{@code −} of fixed-point values wrap (gemmlowp's {@code Add} is a
 * plain addition for 32-bit raw types), products are {@link FixedPoint#saturatingRoundingDoublingHighMul}.
 */
public final class FixedPointExp {
    private FixedPointExp() {
    }

    /** Raw value of 1.0 in a format with 0 integer bits: saturates to {@code 2^31 − 1}. */
    public static final int ONE_Q0 = Integer.MAX_VALUE;

    /**
     * gemmlowp {@code SaturatingRoundingMultiplyByPOT<exponent>(x)}: {@code x · 2^exponent}. For a
     * positive exponent a left shift that saturates to int32's bounds once {@code |x|} exceeds
     * {@code 2^(31 − exponent) − 1}; for a negative one {@link FixedPoint#roundingDivideByPOT}.
     *
     * @param exponent −31..31
     */
    public static int saturatingRoundingMultiplyByPOT(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        if (exponent < 0) {
            return FixedPoint.roundingDivideByPOT(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x << exponent;
    }

    /**
     * gemmlowp {@code Rescale<dstIntegerBits>(FixedPoint<int32, srcIntegerBits>)}: the same real
     * value in another format, i.e. {@code SaturatingRoundingMultiplyByPOT<src − dst>} of the raw.
     */
    public static int rescale(int raw, int srcIntegerBits, int dstIntegerBits) {
        return saturatingRoundingMultiplyByPOT(raw, srcIntegerBits - dstIntegerBits);
    }

    /** gemmlowp {@code RoundingHalfSum(int32, int32)}: {@code (a + b) / 2} in 64 bits, ties away from zero. */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    /**
     * gemmlowp {@code exp_on_interval_between_negative_one_quarter_and_0_excl}: {@code exp(a)} for
     * {@code a} in [−1/4, 0), both Q0.31: a fourth-order Taylor expansion around −1/8.
     */
    public static int expOnIntervalNegativeQuarterToZero(int a) {
        final int expMinusOneEighth = 1895147668; // exp(-1/8) in Q0.31
        final int oneThird = 715827883; // 1/3 in Q0.31
        int x = a + (1 << 28); // a + 1/8
        int x2 = FixedPoint.saturatingRoundingDoublingHighMul(x, x);
        int x3 = FixedPoint.saturatingRoundingDoublingHighMul(x2, x);
        int x4 = FixedPoint.saturatingRoundingDoublingHighMul(x2, x2);
        int x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
        int polynomial = saturatingRoundingMultiplyByPOT(
                FixedPoint.saturatingRoundingDoublingHighMul(x4Over4 + x3, oneThird) + x2, -1);
        return expMinusOneEighth + FixedPoint.saturatingRoundingDoublingHighMul(expMinusOneEighth, x + polynomial);
    }

    /**
     * gemmlowp {@code exp_on_negative_values(FixedPoint<int32, integerBits>)}: {@code exp(a)} for
     * {@code a ≤ 0}, as a Q0.31 raw value. Steps: split {@code a} into its residue modulo 1/4 (shifted
     * into [−1/4, 0)) and a multiple of 1/4; evaluate the residue with the Taylor polynomial; then
     * for each set bit of the multiple (weights 2^−2 … 2^4, those that fit in {@code integerBits})
     * multiply by the constant {@code exp(−2^k)}; below −32 (only when {@code integerBits > 5}) the
     * result is 0; {@code exp(0)} is {@link #ONE_Q0}.
     *
     * @param integerBits the input format's integer bits, 0..30
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int residue = (a & (oneQuarter - 1)) - oneQuarter;
        int result = expOnIntervalNegativeQuarterToZero(rescale(residue, integerBits, 0));
        int remainder = residue - a;
        result = barrelStep(result, remainder, integerBits, -2, 1672461947);
        result = barrelStep(result, remainder, integerBits, -1, 1302514674);
        result = barrelStep(result, remainder, integerBits, 0, 790015084);
        result = barrelStep(result, remainder, integerBits, 1, 290630308);
        result = barrelStep(result, remainder, integerBits, 2, 39332535);
        result = barrelStep(result, remainder, integerBits, 3, 720401);
        result = barrelStep(result, remainder, integerBits, 4, 242);
        if (integerBits > 5) {
            int minusThirtyTwo = -(1 << (36 - integerBits));
            if (a < minusThirtyTwo) {
                result = 0;
            }
        }
        return a == 0 ? ONE_Q0 : result;
    }

    /**
     * One stage of the barrel shifter: when the input format has bits above {@code exponent} and
     * the bit of weight {@code 2^exponent} is set in {@code remainder}, multiply by
     * {@code multiplier} = {@code exp(−2^exponent)} in Q0.31.
     */
    private static int barrelStep(int result, int remainder, int integerBits, int exponent, int multiplier) {
        if (integerBits <= exponent) {
            return result;
        }
        int bit = 1 << (31 - integerBits + exponent);
        return (remainder & bit) != 0 ? FixedPoint.saturatingRoundingDoublingHighMul(result, multiplier) : result;
    }
}
