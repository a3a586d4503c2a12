package dev.tinyj.runtime.kernels;

/**
 * int8 LOGISTIC, bit-exact with tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h}
 * ({@code reference_integer_ops::Logistic}, the int8 overload). Elementwise, any shape; output
 * zero point −128 (prepare checks it), output steps of 2^−8 whatever the declared output scale, as
 * in TFLM. The element loop and the parameter layout are {@link SigmoidQ4}'s.
 */
public final class Logistic {
    private Logistic() {
    }

    public static final int P_SIZE = SigmoidQ4.P_SIZE;
    public static final int P_INPUT_ZERO_POINT = SigmoidQ4.P_INPUT_ZERO_POINT;
    public static final int P_INPUT_RANGE_RADIUS = SigmoidQ4.P_INPUT_RANGE_RADIUS;
    public static final int P_INPUT_MULTIPLIER = SigmoidQ4.P_INPUT_MULTIPLIER;
    public static final int P_INPUT_LEFT_SHIFT = SigmoidQ4.P_INPUT_LEFT_SHIFT;

    /** {@code output[i] = logistic(input[i])}, int8 in and out. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        SigmoidQ4.apply(params, p, input, inputOff, output, outputOff, SigmoidQ4.LOGISTIC);
    }
}
