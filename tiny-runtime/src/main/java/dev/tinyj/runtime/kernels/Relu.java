package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * RELU and RELU6, int8: TFLM's {@code ReluQuantized}
 * ({@code tensorflow/lite/micro/kernels/activations.h}, parameters from
 * {@code activations_common.cc} {@code CalculateReluOpData}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element, in order:
 * {@code out = output_zero_point + MultiplyByQuantizedMultiplier(input − input_zero_point,
 * multiplier, shift)}, then {@code max(act_min, out)}, then {@code min(act_max, out)}.
 *
 * <p>RELU6's {@code Relu6Quantized} ({@code activations.h}) is the same loop with identity
 * rescaling: its prepare writes both zero points as the input's, the multiplier of 1.0
 * (2<sup>30</sup>, shift 1, which returns every int8 difference unchanged), {@code act_min} its
 * {@code zero} and {@code act_max} its {@code six}; with {@code zero ≤ six} the clamp
 * {@code val > six ? six : val < zero ? zero : val} is this one.
 *
 * <p>Element i is read just before it is written, in increasing order, so the output may
 * overwrite the input.
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}, {@link #P_MULTIPLIER} and
 * {@link #P_SHIFT} ({@code QuantizeMultiplier(input_scale / output_scale)}), {@link #P_ACT_MIN}
 * and {@link #P_ACT_MAX} (in [−128, 127]). Size {@link #P_SIZE}.
 */
public final class Relu {
    private Relu() {
    }

    public static final int P_COUNT = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_MULTIPLIER = 12;
    public static final int P_SHIFT = 16;
    public static final int P_ACT_MIN = 20;
    public static final int P_ACT_MAX = 24;
    public static final int P_SIZE = 28;

    /** {@code output[i] = relu(input[i])} for the block's element count, int8 to int8. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int inputZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        int multiplier = Flash.readInt(params, p + P_MULTIPLIER);
        int shift = Flash.readInt(params, p + P_SHIFT);
        int actMin = Flash.readInt(params, p + P_ACT_MIN);
        int actMax = Flash.readInt(params, p + P_ACT_MAX);
        for (int i = 0; i < count; i++) {
            int out = outputZp + FixedPoint.multiplyByQuantizedMultiplier(input[inputOff + i] - inputZp, multiplier, shift);
            output[outputOff + i] = (byte) Math.min(actMax, Math.max(actMin, out));
        }
    }
}
