package dev.tinyj.emulator.toolchain.prepare;

/**
 * A real multiplier as TFLite's {@code QuantizeMultiplier} encodes it: a Q31 {@code multiplier}
 * and a power-of-two {@code shift}, real ≈ multiplier × 2^(shift − 31). Host side only (double
 * arithmetic), pinned to tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424,
 * {@code tensorflow/lite/kernels/internal/quantization_util.cc}.
 *
 * @param multiplier Q31 mantissa in [2^30, 2^31), or 0
 * @param shift exponent (positive: left shift)
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    /**
     * {@code QuantizeMultiplier(double_multiplier, &quantized_multiplier, &shift)}: frexp to a
     * mantissa in [0.5, 1), round(mantissa × 2^31) half away from zero, fold 2^31 back to 2^30 with
     * shift + 1, and flush tiny multipliers (shift &lt; −31) to zero.
     */
    public static QuantizedMultiplier of(double real) {
        if (real == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        int exp = frexpExponent(real);
        double mantissa = Math.scalb(real, -exp);
        long q = roundHalfAwayFromZero(mantissa * (1L << 31));
        if (q == 1L << 31) {
            q /= 2;
            exp++;
        }
        if (exp < -31) {
            exp = 0;
            q = 0;
        }
        return new QuantizedMultiplier((int) q, exp);
    }

    /** C's {@code frexp} exponent: the {@code e} with |x| / 2^e in [0.5, 1), for finite non-zero x. */
    public static int frexpExponent(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            return frexpExponent(x * 0x1p54) - 54;
        }
        return e + 1;
    }

    /** C's {@code frexp} mantissa: x / 2^e in [0.5, 1) with the sign of x. */
    public static double frexpMantissa(double x) {
        return x == 0 || !Double.isFinite(x) ? x : Math.scalb(x, -frexpExponent(x));
    }

    /** C's {@code std::round}/{@code roundf}: nearest integer, ties away from zero. */
    public static long roundHalfAwayFromZero(double x) {
        double a = Math.abs(x);
        double t = Math.floor(a);
        if (a - t >= 0.5) {
            t += 1;
        }
        return (long) Math.copySign(t, x);
    }

    /** {@code roundf} on a float (as {@code TfLiteRound(float)}), ties away from zero. */
    public static int roundHalfAwayFromZero(float x) {
        float a = Math.abs(x);
        float t = (float) Math.floor(a);
        if (a - t >= 0.5f) {
            t += 1;
        }
        return (int) Math.copySign(t, x);
    }
}
