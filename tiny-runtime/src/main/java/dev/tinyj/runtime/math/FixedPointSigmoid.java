package dev.tinyj.runtime.math;

/**
 * gemmlowp's fixed-point reciprocal, logistic and tanh on raw int32 values, built on
 * {@link FixedPointExp}. Pinned to gemmlowp {@code fda83bdc38b118cc6b56753bd540caa49e570745},
 * {@code fixedpoint/fixedpoint.h}: {@code one_over_one_plus_x_for_x_in_0_1},
 * {@code one_minus_x_over_one_plus_x_for_x_in_0_1}, {@code logistic}, {@code tanh}. Results are
 * Q0.31 raw values; inputs are {@code FixedPoint<int32, integerBits>} raw values.
 */
public final class FixedPointSigmoid {
    private FixedPointSigmoid() {
    }

    /** 48/17 in Q2.29. */
    private static final int FORTY_EIGHT_OVER_SEVENTEEN_Q2 = 1515870810;
    /** −32/17 in Q2.29. */
    private static final int MINUS_THIRTY_TWO_OVER_SEVENTEEN_Q2 = -1010580540;
    /** 1.0 in Q2.29. */
    private static final int ONE_Q2 = 1 << 29;

    /**
     * Three Newton–Raphson steps for {@code 1 / d} where {@code halfDenominator} = {@code d / 2} in
     * Q0.31 (d in [1, 2)), starting from {@code 48/17 − 32/17 · d/2}; returns the Q2.29 estimate of
     * {@code 1 / (d / 2)}.
     */
    private static int newtonReciprocalQ2(int halfDenominator) {
        int x = FORTY_EIGHT_OVER_SEVENTEEN_Q2
                + FixedPoint.saturatingRoundingDoublingHighMul(halfDenominator, MINUS_THIRTY_TWO_OVER_SEVENTEEN_Q2);
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = FixedPoint.saturatingRoundingDoublingHighMul(halfDenominator, x);
            int oneMinus = ONE_Q2 - halfDenominatorTimesX;
            // x · (1 − d/2 · x) is Q4.27; back to Q2.29 before the update
            x = x + FixedPointExp.rescale(FixedPoint.saturatingRoundingDoublingHighMul(x, oneMinus), 4, 2);
        }
        return x;
    }

    /** gemmlowp {@code one_over_one_plus_x_for_x_in_0_1}: {@code 1 / (1 + a)} for {@code a} in [0, 1), Q0.31. */
    public static int oneOverOnePlusX(int a) {
        int x = newtonReciprocalQ2(FixedPointExp.roundingHalfSum(a, FixedPointExp.ONE_Q0));
        // x/2 read as Q1.30 (same raw), then to Q0.31
        return FixedPointExp.rescale(x, 1, 0);
    }

    /** gemmlowp {@code one_minus_x_over_one_plus_x_for_x_in_0_1}: {@code (1 − a) / (1 + a)}, Q0.31. */
    public static int oneMinusXOverOnePlusX(int a) {
        int x = newtonReciprocalQ2(FixedPointExp.roundingHalfSum(a, FixedPointExp.ONE_Q0));
        return FixedPointExp.rescale(x - ONE_Q2, 2, 0);
    }

    /**
     * gemmlowp {@code logistic(FixedPoint<int32, integerBits>)}: {@code 1 / (1 + exp(−a))} in Q0.31;
     * computed on {@code |a|} and mirrored as {@code 1 − r} for negative inputs; exactly one half
     * ({@code 2^30}) at zero.
     */
    public static int logistic(int a, int integerBits) {
        boolean positive = a > 0;
        int abs = positive ? a : -a;
        int ifPositive = oneOverOnePlusX(FixedPointExp.expOnNegativeValues(-abs, integerBits));
        if (a == 0) {
            return 1 << 30;
        }
        return positive ? ifPositive : FixedPointExp.ONE_Q0 - ifPositive;
    }

    /**
     * gemmlowp {@code tanh(FixedPoint<int32, integerBits>)}: with {@code n = −|a|},
     * {@code −tanh(n) = (1 − exp(2n)) / (1 + exp(2n))} (2n read exactly in one more integer bit),
     * negated back for negative inputs; 0 at zero.
     */
    public static int tanh(int a, int integerBits) {
        boolean negative = a < 0;
        int n = negative ? a : -a;
        int t = oneMinusXOverOnePlusX(FixedPointExp.expOnNegativeValues(n, integerBits + 1));
        if (a == 0) {
            return 0;
        }
        return negative ? -t : t;
    }
}
