package dev.tinyj.runtime.math;

/**
 * TFLite's fixed-point natural logarithm on raw int32 values of {@code FixedPoint<int32, integerBits>},
 * pinned to tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/common.h} ({@code log_x_for_x_greater_than_or_equal_to_1_impl},
 * with gemmlowp's {@code one_over_one_plus_x_for_x_in_0_1} from {@link FixedPointSigmoid}). The
 * template parameters {@code OutputIntegerBits} and {@code InputIntegerBits} are ordinary arguments.
 * Products of fixed-point values are {@link FixedPoint#saturatingRoundingDoublingHighMul}; {@code +}
 * and {@code −} of fixed-point values wrap (gemmlowp's int32 {@code Add}/{@code Sub}); the two named
 * saturating steps ({@code SaturatingAddNonGemmlowp}, {@code SaturatingSub}) clamp to int32.
 */
public final class FixedPointLog {
    private FixedPointLog() {
    }

    /** ln 2 in Q0.31. */
    private static final int LOG_2 = 1488522236;
    /** sqrt(sqrt(1/2)) in Q0.31. */
    private static final int SQRT_SQRT_HALF = 1805811301;
    /** sqrt(1/2) in Q0.31. */
    private static final int SQRT_HALF = 1518500250;
    /** 1/4 in Q0.31. */
    private static final int ONE_QUARTER = 536870912;
    /** 11/240 · 2^(1/4) in Q0.31. */
    private static final int ALPHA_N = 117049297;
    /** 1/20 · 2^(1/4) in Q0.31. */
    private static final int ALPHA_D = 127690142;
    /** 2 / 2^(1/4) − 2^(1/4) in Q0.31. */
    private static final int ALPHA_I = 1057819769;
    /** 1/4 · 2^(1/4) in Q0.31. */
    private static final int ALPHA_F = 638450708;

    /**
     * {@code log_x_for_x_greater_than_or_equal_to_1<outputIntegerBits>(FixedPoint<int32, inputIntegerBits>)}:
     * ln(x) for a positive raw {@code x} (the input's real value 1 or more), in
     * Q{@code outputIntegerBits}. Steps, as TFLM's: read the raw as Q0.31 and normalise it by its
     * leading zeros, both directly (a) and premultiplied by sqrt(1/2) (b), keeping the smaller
     * mantissa {@code r} and the larger power-of-two term (accumulated with one extra integer bit);
     * then ln(r) from a rational approximation around 2^(−1/4) with one
     * {@code one_over_one_plus_x}; the result is {@code pow2_term · ln 2 + num · 1/denom}, rescaled
     * to the output format with saturation.
     *
     * @param x raw input, positive
     * @param inputIntegerBits integer bits of the input format, 0..31
     * @param outputIntegerBits integer bits of the output format, 0..30
     */
    public static int logXGreaterThanOrEqualToOne(int x, int inputIntegerBits, int outputIntegerBits) {
        int accumIntegerBits = outputIntegerBits + 1;
        int shiftedQuarter = FixedPointExp.rescale(ONE_QUARTER, 0, accumIntegerBits);

        int zAHeadroomPlusOne = Integer.numberOfLeadingZeros(x);
        int rATmp = FixedPointExp.saturatingRoundingMultiplyByPOT(x, zAHeadroomPlusOne - 1);
        int rARaw = FixedPointExp.saturatingRoundingMultiplyByPOT(
                FixedPoint.saturatingRoundingDoublingHighMul(rATmp, SQRT_HALF), 1);
        int zAPow2Adj = saturatingAdd(FixedPointExp.saturatingRoundingMultiplyByPOT(
                inputIntegerBits - zAHeadroomPlusOne, 31 - accumIntegerBits), shiftedQuarter);

        int zB = FixedPoint.saturatingRoundingDoublingHighMul(x, SQRT_HALF);
        int zBHeadroom = Integer.numberOfLeadingZeros(zB) - 1;
        int rBRaw = FixedPointExp.saturatingRoundingMultiplyByPOT(x, zBHeadroom);
        int zBPow2Adj = saturatingSub(FixedPointExp.saturatingRoundingMultiplyByPOT(
                inputIntegerBits - zBHeadroom, 31 - accumIntegerBits), shiftedQuarter);

        int r = Math.min(rARaw, rBRaw);
        int zPow2Adj = Math.max(zAPow2Adj, zBPow2Adj);

        int p = FixedPointExp.roundingHalfSum(r, SQRT_SQRT_HALF);
        int q = r - SQRT_SQRT_HALF;
        q = q + q;
        int commonSq = mul(q, q);
        int num = mul(q, r) + mul(mul(q, commonSq), ALPHA_N);
        int denomMinusOne = mul(p, ALPHA_I + q + mul(ALPHA_D, commonSq)) + mul(ALPHA_F, q);
        int recipDenom = FixedPointSigmoid.oneOverOnePlusX(denomMinusOne);

        int numScaled = FixedPointExp.rescale(num, 0, accumIntegerBits);
        int sum = mul(zPow2Adj, LOG_2) + mul(numScaled, recipDenom);
        return FixedPointExp.rescale(sum, accumIntegerBits, outputIntegerBits);
    }

    private static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }

    /** TFLM's {@code SaturatingAddNonGemmlowp(int32, int32)}: the sum clamped to int32. */
    private static int saturatingAdd(int a, int b) {
        long sum = (long) a + (long) b;
        return (int) Math.min(Math.max(sum, Integer.MIN_VALUE), Integer.MAX_VALUE);
    }

    /** TFLM's {@code SaturatingSub(int32, int32)}: the difference clamped to int32. */
    private static int saturatingSub(int a, int b) {
        long diff = (long) a - (long) b;
        return (int) Math.min(Math.max(diff, Integer.MIN_VALUE), Integer.MAX_VALUE);
    }
}
