package dev.tinyj.emulator.toolchain.prepare;

/**
 * Host (double-precision) scaling math of the fixed-point nonlinear ops, pinned to tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code tensorflow/lite/kernels/internal/quantization_util.cc}
 * ({@code PreprocessSoftmaxScaling}, {@code CalculateInputRadius}; TFLITE_EMULATE_FLOAT and
 * TFLITE_SINGLE_ROUNDING are not defined) and the raw {@code frexp} step of
 * {@code micro/kernels/logistic_common.cc} and {@code micro/kernels/tanh.cc}.
 */
public final class NonlinearScaling {
    private NonlinearScaling() {
    }

    /**
     * LOGISTIC/TANH's multiplier: {@code q = frexp(real, &shift)}, multiplier =
     * {@code (int32_t) TfLiteRound(q · 2^31)}. Unlike {@link QuantizedMultiplier#of} there is no fold of
     * 2^31 back to 2^30 and no flush of tiny values (a float scale times 2^27 has a 24-bit mantissa,
     * so the product is exact and never reaches 2^31).
     */
    public static QuantizedMultiplier frexpMultiplier(double real) {
        if (real == 0.0 || !Double.isFinite(real)) {
            return new QuantizedMultiplier(0, 0);
        }
        int shift = QuantizedMultiplier.frexpExponent(real);
        double q = QuantizedMultiplier.frexpMantissa(real);
        long rounded = QuantizedMultiplier.roundHalfAwayFromZero(q * (1L << 31));
        return new QuantizedMultiplier((int) rounded, shift);
    }

    /**
     * {@code CalculateInputRadius(input_integer_bits, input_left_shift, total_signed_bits)}: the
     * largest input difference whose rescaled value stays below the format's maximum,
     * {@code floor((2^bits − 1) · 2^(total − bits) / 2^left_shift)} in double.
     *
     * @param inputLeftShift 0..62 (TFLM shifts a 64-bit one by it; other values are undefined there)
     */
    public static int calculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits) {
        if (inputLeftShift < 0 || inputLeftShift > 62) {
            throw new IllegalArgumentException("input_left_shift " + inputLeftShift + " outside 0..62");
        }
        double maxInputRescaled = 1.0 * ((1 << inputIntegerBits) - 1)
                * (double) (1L << (totalSignedBits - inputIntegerBits))
                / (double) (1L << inputLeftShift);
        return (int) Math.floor(maxInputRescaled);
    }

    /**
     * {@code PreprocessSoftmaxScaling(beta, input_scale, input_integer_bits, ...)}: the real
     * multiplier {@code min(beta · input_scale · 2^(31 − bits), 2^31 − 1)} through
     * {@code QuantizeMultiplierGreaterThanOne}.
     *
     * @throws PrepareException where TFLM's {@code TFLITE_CHECK}s abort: a real multiplier not above
     *     1 or a negative shift
     */
    public static QuantizedMultiplier preprocessSoftmaxScaling(double beta, double inputScale, int inputIntegerBits)
            throws PrepareException {
        double maxRealMultiplier = (1L << 31) - 1.0;
        double real = Math.min(beta * inputScale * (1 << (31 - inputIntegerBits)), maxRealMultiplier);
        if (!(real > 1.0)) {
            throw new PrepareException("beta * input_scale * 2^" + (31 - inputIntegerBits) + " = " + real
                    + " is not above 1 (TFLM's QuantizeMultiplierGreaterThanOne requires it)");
        }
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        if (m.shift() < 0) {
            throw new PrepareException("softmax input multiplier shift " + m.shift() + " is negative");
        }
        return m;
    }
}
