package dev.tinyj.conformance.kernels.math;

import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Plainly written references for the fixed-point rounding steps, with BigInteger/BigDecimal
 * arithmetic and the rounding rules stated as real-number formulas, not as the runtime's bit tricks:
 * <ul>
 * <li>SRDHM(a, b) = floor(a·b / 2^31 + 1/2), saturated to int32 (gemmlowp's nudge with a truncating
 *     division rounds ties toward +∞ for both signs);</li>
 * <li>RoundingDivideByPOT(x, e) = x / 2^e rounded half away from zero;</li>
 * <li>SaturatingRoundingMultiplyByPOT(x, e) = clamp(x · 2^e) for e &gt; 0, else RoundingDivideByPOT;</li>
 * <li>MultiplyByQuantizedMultiplier(x, m, s) = RDBPOT(SRDHM(wrap32(x · 2^max(s,0)), m), max(−s, 0)).</li>
 * </ul>
 */
public final class ReferenceArithmetic {
    private ReferenceArithmetic() {
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    static int clampToInt(BigInteger v) {
        return v.max(INT_MIN).min(INT_MAX).intValueExact();
    }

    public static int srdhm(int a, int b) {
        BigInteger twiceProduct = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftLeft(1);
        // floor((2ab + 2^31) / 2^32): BigInteger.shiftRight is a floor division
        return clampToInt(twiceProduct.add(BigInteger.ONE.shiftLeft(31)).shiftRight(32));
    }

    public static int roundingDivideByPOT(int x, int exponent) {
        BigDecimal q = new BigDecimal(x).divide(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
        return q.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    public static int saturatingRoundingMultiplyByPOT(int x, int exponent) {
        if (exponent > 0) {
            return clampToInt(BigInteger.valueOf(x).shiftLeft(exponent));
        }
        return roundingDivideByPOT(x, -exponent);
    }

    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int shifted = shift > 0 ? BigInteger.valueOf(x).shiftLeft(shift).intValue() : x; // wraps like int32
        return roundingDivideByPOT(srdhm(shifted, multiplier), shift > 0 ? 0 : -shift);
    }

    /**
     * TFLM {@code QuantizeMultiplier} restated exactly: find e with 2^(e−1) ≤ |real| &lt; 2^e,
     * q = real · 2^(31−e) rounded half away from zero; q = 2^31 becomes 2^30 with e + 1; e &lt; −31
     * flushes to (0, 0).
     */
    public static QuantizedMultiplier quantizeMultiplier(double real) {
        if (real == 0) {
            return new QuantizedMultiplier(0, 0);
        }
        BigDecimal r = new BigDecimal(real);
        int e = 0;
        while (r.abs().compareTo(pow2(e)) >= 0) {
            e++;
        }
        while (r.abs().compareTo(pow2(e - 1)) < 0) {
            e--;
        }
        BigInteger q = r.multiply(pow2(31 - e)).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (q.abs().equals(BigInteger.ONE.shiftLeft(31))) {
            q = q.shiftRight(1);
            e++;
        }
        if (e < -31) {
            return new QuantizedMultiplier(0, 0);
        }
        return new QuantizedMultiplier(q.intValueExact(), e);
    }

    private static BigDecimal pow2(int k) {
        return k >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(k)) : BigDecimal.ONE.divide(
                new BigDecimal(BigInteger.ONE.shiftLeft(-k)));
    }
}
