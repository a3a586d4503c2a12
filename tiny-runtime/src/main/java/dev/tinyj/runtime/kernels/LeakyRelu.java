package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * LEAKY_RELU, int8: TFLM's {@code reference_ops::QuantizeLeakyRelu}
 * ({@code tensorflow/lite/kernels/internal/reference/leaky_relu.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/leaky_relu_common.cc} {@code CalculateOpDataLeakyRelu},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element, in order:
 * <ol>
 * <li>{@code v = input − input_zero_point};</li>
 * <li>{@code v ≥ 0}: {@code out = output_zero_point + MultiplyByQuantizedMultiplier(v,
 * identity_multiplier, identity_shift)};</li>
 * <li>{@code v < 0}: the same with the alpha multiplier; a negative alpha multiplier (negative
 * alpha) is applied as its negation and the product negated, as TFLM's
 * {@code safe_alpha_multiplier} does;</li>
 * <li>clamped to [−128, 127].</li>
 * </ol>
 * Element i is read just before it is written, in increasing order, so the output may overwrite
 * the input.
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}, {@link #P_ALPHA_MULTIPLIER} and
 * {@link #P_ALPHA_SHIFT} ({@code QuantizeMultiplier(input_scale · alpha / output_scale)}),
 * {@link #P_IDENTITY_MULTIPLIER} and {@link #P_IDENTITY_SHIFT}
 * ({@code QuantizeMultiplier(input_scale / output_scale)}). Size {@link #P_SIZE}.
 */
public final class LeakyRelu {
    private LeakyRelu() {
    }

    public static final int P_COUNT = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_ALPHA_MULTIPLIER = 12;
    public static final int P_ALPHA_SHIFT = 16;
    public static final int P_IDENTITY_MULTIPLIER = 20;
    public static final int P_IDENTITY_SHIFT = 24;
    public static final int P_SIZE = 28;

    /** {@code output[i] = leaky_relu(input[i])} for the block's element count, int8 to int8. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int inputZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        int alpha = Flash.readInt(params, p + P_ALPHA_MULTIPLIER);
        int alphaShift = Flash.readInt(params, p + P_ALPHA_SHIFT);
        int identity = Flash.readInt(params, p + P_IDENTITY_MULTIPLIER);
        int identityShift = Flash.readInt(params, p + P_IDENTITY_SHIFT);
        boolean alphaNegative = alpha < 0;
        int safeAlpha = alphaNegative ? -alpha : alpha;
        for (int i = 0; i < count; i++) {
            int v = input[inputOff + i] - inputZp;
            int out = outputZp;
            if (v >= 0) {
                out += FixedPoint.multiplyByQuantizedMultiplier(v, identity, identityShift);
            } else {
                int scaled = FixedPoint.multiplyByQuantizedMultiplier(v, safeAlpha, alphaShift);
                out += alphaNegative ? -scaled : scaled;
            }
            output[outputOff + i] = (byte) Math.min(127, Math.max(-128, out));
        }
    }
}
