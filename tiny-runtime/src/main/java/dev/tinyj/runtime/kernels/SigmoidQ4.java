package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;
import dev.tinyj.runtime.math.FixedPointSigmoid;

/**
 * The element loop LOGISTIC and TANH share: TFLM's int8 reference
 * {@code reference_integer_ops::Logistic} ({@code reference/integer_ops/logistic.h}) and
 * {@code reference_integer_ops::Tanh} ({@code reference/integer_ops/tanh.h}) at tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424. Per element: {@code x = input − input_zero_point};
 * {@code x ≤ −radius} gives −128 and {@code x ≥ radius} gives 127 without any arithmetic; otherwise
 * {@code x} is rescaled to Q4.27 with {@code MultiplyByQuantizedMultiplier(x, input_multiplier,
 * input_left_shift)}, the gemmlowp function gives a Q0.31 result, which is rounded down to the
 * output's 2^−8 (logistic, then offset by −128) or 2^−7 (tanh) steps and clamped to int8.
 *
 * <p>Parameter block (little-endian int32 at {@code p + offset}), written by the host's
 * {@code LogisticPrepare}/{@code TanhPrepare}:
 * <table>
 * <caption>LOGISTIC / TANH parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_SIZE}</td><td>number of elements (input and output flat size)</td></tr>
 * <tr><td>{@link #P_INPUT_ZERO_POINT}</td><td>input zero point</td></tr>
 * <tr><td>{@link #P_INPUT_RANGE_RADIUS}</td><td>saturation radius, in input steps</td></tr>
 * <tr><td>{@link #P_INPUT_MULTIPLIER}</td><td>Q31 multiplier from raw {@code frexp}</td></tr>
 * <tr><td>{@link #P_INPUT_LEFT_SHIFT}</td><td>frexp exponent (positive: left shift)</td></tr>
 * </table>
 * Trusts its parameters (TFLM checks nothing at eval time either).
 */
public final class SigmoidQ4 {
    private SigmoidQ4() {
    }

    public static final int P_SIZE = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_INPUT_RANGE_RADIUS = 8;
    public static final int P_INPUT_MULTIPLIER = 12;
    public static final int P_INPUT_LEFT_SHIFT = 16;
    /** Size of the block in bytes. */
    public static final int P_BYTES = 20;

    /** Select {@code gemmlowp::logistic}, output in 2^−8 steps offset by −128. */
    public static final int LOGISTIC = 0;
    /** Select {@code gemmlowp::tanh}, output in 2^−7 steps around 0. */
    public static final int TANH = 1;

    /** Input integer bits of the fixed-point argument (Q4.27), as both Prepare steps assume. */
    public static final int INPUT_INTEGER_BITS = 4;

    /**
     * Applies {@code function} ({@link #LOGISTIC} or {@link #TANH}) to every element.
     */
    public static void apply(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff,
            int function) {
        int size = Flash.readInt(params, p + P_SIZE);
        int zeroPoint = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int radius = Flash.readInt(params, p + P_INPUT_RANGE_RADIUS);
        int multiplier = Flash.readInt(params, p + P_INPUT_MULTIPLIER);
        int shift = Flash.readInt(params, p + P_INPUT_LEFT_SHIFT);
        boolean tanh = function == TANH;
        int outputShift = tanh ? 31 - 7 : 31 - 8;
        int outputOffset = tanh ? 0 : -128;
        for (int i = 0; i < size; i++) {
            int x = input[inputOff + i] - zeroPoint;
            int q;
            if (x <= -radius) {
                q = -128;
            } else if (x >= radius) {
                q = 127;
            } else {
                int inQ4 = FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift);
                int outQ0 = tanh ? FixedPointSigmoid.tanh(inQ4, INPUT_INTEGER_BITS)
                        : FixedPointSigmoid.logistic(inQ4, INPUT_INTEGER_BITS);
                q = FixedPoint.roundingDivideByPOT(outQ0, outputShift) + outputOffset;
                q = Math.min(Math.max(q, -128), 127);
            }
            output[outputOff + i] = (byte) q;
        }
    }
}
