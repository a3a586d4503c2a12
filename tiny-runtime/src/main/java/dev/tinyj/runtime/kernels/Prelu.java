package dev.tinyj.runtime.kernels;

import dev.tinyj.runtime.math.FixedPoint;

/**
 * PRELU, int8 with broadcasting: TFLM's {@code reference_ops::BroadcastPrelu4DSlow}
 * ({@code tensorflow/lite/kernels/internal/reference/prelu.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/prelu_common.cc} {@code CalculatePreluParams}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element, in order: {@code v = input +
 * input_offset}; for {@code v ≥ 0}, {@code MultiplyByQuantizedMultiplier(v, multiplier_1,
 * shift_1)}, else {@code MultiplyByQuantizedMultiplier(v · (alpha + alpha_offset), multiplier_2,
 * shift_2)}; plus the output zero point, clamped to [−128, 127]. Input 1 is the input, input 2 alpha,
 * broadcast against each other by {@link BinaryBroadcast#runMore}.
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}, then these operator fields (int32,
 * byte offsets from the block start): {@link #P_INPUT_OFFSET}, {@link #P_ALPHA_OFFSET} (negated zero
 * points), {@link #P_OUTPUT_MULTIPLIER_1}, {@link #P_OUTPUT_SHIFT_1} ({@code input_scale /
 * output_scale}), {@link #P_OUTPUT_MULTIPLIER_2}, {@link #P_OUTPUT_SHIFT_2} ({@code input_scale ·
 * alpha_scale / output_scale}), {@link #P_OUTPUT_OFFSET} (output zero point); the remaining
 * operator fields are unused (0). Size {@link #P_SIZE}.
 */
public final class Prelu {
    private Prelu() {
    }

    public static final int P_INPUT_OFFSET = BinaryBroadcast.P_OP;
    public static final int P_ALPHA_OFFSET = BinaryBroadcast.P_OP + 4;
    public static final int P_OUTPUT_MULTIPLIER_1 = BinaryBroadcast.P_OP + 8;
    public static final int P_OUTPUT_SHIFT_1 = BinaryBroadcast.P_OP + 12;
    public static final int P_OUTPUT_MULTIPLIER_2 = BinaryBroadcast.P_OP + 16;
    public static final int P_OUTPUT_SHIFT_2 = BinaryBroadcast.P_OP + 20;
    public static final int P_OUTPUT_OFFSET = BinaryBroadcast.P_OP + 24;
    public static final int P_SIZE = BinaryBroadcast.P_SIZE;

    /** PReLU of {@code input} with slopes {@code alpha} (int8, broadcast) into {@code output} (int8, dense). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] alpha, int alphaOff,
            byte[] output, int outputOff) {
        BinaryBroadcast.runMore(params, p, input, inputOff, alpha, alphaOff, output, outputOff, BinaryBroadcast.PRELU);
    }

    /** One element, as {@code BroadcastPrelu4DSlow}'s element function computes it (the product wraps as in C++). */
    static int apply(int x, int a, int inputOffset, int alphaOffset, int multiplier1, int shift1, int multiplier2,
            int shift2, int outputOffset) {
        int v = inputOffset + x;
        int out = v >= 0 ? FixedPoint.multiplyByQuantizedMultiplier(v, multiplier1, shift1)
                : FixedPoint.multiplyByQuantizedMultiplier(v * (alphaOffset + a), multiplier2, shift2);
        return Math.min(127, Math.max(-128, out + outputOffset));
    }
}
