package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * ABS, int8: TFLM's {@code AbsEvalQuantized} ({@code tensorflow/lite/micro/kernels/elementwise.cc};
 * parameters from {@code PrepareAbsRsqrt} there, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element, in order:
 * <ol>
 * <li>{@code v = |input − input_zero_point|} (0..255);</li>
 * <li>when the input and output scales differ: {@code out = MultiplyByQuantizedMultiplier(v,
 * multiplier, shift) + output_zero_point}; when they are equal, {@code out = v +
 * output_zero_point} (TFLM's {@code needs_rescale} branch);</li>
 * <li>clamped to [−128, 127].</li>
 * </ol>
 * Element i is read just before it is written, in increasing order, so the output may overwrite
 * the input.
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}, {@link #P_RESCALE} (1 when the scales
 * differ, else 0), {@link #P_MULTIPLIER} and {@link #P_SHIFT}
 * ({@code QuantizeMultiplier(input_scale / output_scale)}; 0 when not rescaling). Size
 * {@link #P_SIZE}.
 */
public final class Abs {
    private Abs() {
    }

    public static final int P_COUNT = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_RESCALE = 12;
    public static final int P_MULTIPLIER = 16;
    public static final int P_SHIFT = 20;
    public static final int P_SIZE = 24;

    /** {@code output[i] = |input[i]|} requantized, for the block's element count, int8 to int8. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int inputZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        boolean rescale = Flash.readInt(params, p + P_RESCALE) != 0;
        int multiplier = Flash.readInt(params, p + P_MULTIPLIER);
        int shift = Flash.readInt(params, p + P_SHIFT);
        for (int i = 0; i < count; i++) {
            int v = Math.abs(input[inputOff + i] - inputZp);
            int out = rescale ? FixedPoint.multiplyByQuantizedMultiplier(v, multiplier, shift) + outputZp : v + outputZp;
            output[outputOff + i] = (byte) Math.min(127, Math.max(-128, out));
        }
    }
}
