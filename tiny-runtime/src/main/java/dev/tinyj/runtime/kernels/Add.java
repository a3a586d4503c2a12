package dev.tinyj.runtime.kernels;

import dev.tinyj.runtime.math.FixedPoint;

/**
 * ADD, int8 with broadcasting: TFLM's {@code reference_integer_ops::AddFunc} applied by
 * {@code Add} / {@code BroadcastAdd4DSlow}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/add.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/add_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element: both inputs have their zero point
 * removed, are shifted left by {@code left_shift} (20) and scaled to a common scale
 * (each by its multiplier, real value {@code input_scale / (2 · max scale)}), summed, scaled to
 * the output ({@code 2 · max scale / (2^20 · output_scale)}), offset by the output zero point and
 * clamped to the activation range. All multipliers have shift ≤ 0 (prepare ensures it).
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}, then these operator fields
 * (int32, byte offsets from the block start):
 * {@link #P_INPUT1_OFFSET}, {@link #P_INPUT2_OFFSET} (negated input zero points),
 * {@link #P_LEFT_SHIFT}, {@link #P_INPUT1_MULTIPLIER}, {@link #P_INPUT1_SHIFT},
 * {@link #P_INPUT2_MULTIPLIER}, {@link #P_INPUT2_SHIFT}, {@link #P_OUTPUT_MULTIPLIER},
 * {@link #P_OUTPUT_SHIFT}, {@link #P_OUTPUT_OFFSET} (output zero point), {@link #P_ACT_MIN},
 * {@link #P_ACT_MAX} (activation clamp). Size {@link #P_SIZE}.
 */
public final class Add {
    private Add() {
    }

    public static final int P_INPUT1_OFFSET = BinaryBroadcast.P_OP;
    public static final int P_INPUT2_OFFSET = BinaryBroadcast.P_OP + 4;
    public static final int P_LEFT_SHIFT = BinaryBroadcast.P_OP + 8;
    public static final int P_INPUT1_MULTIPLIER = BinaryBroadcast.P_OP + 12;
    public static final int P_INPUT1_SHIFT = BinaryBroadcast.P_OP + 16;
    public static final int P_INPUT2_MULTIPLIER = BinaryBroadcast.P_OP + 20;
    public static final int P_INPUT2_SHIFT = BinaryBroadcast.P_OP + 24;
    public static final int P_OUTPUT_MULTIPLIER = BinaryBroadcast.P_OP + 28;
    public static final int P_OUTPUT_SHIFT = BinaryBroadcast.P_OP + 32;
    public static final int P_OUTPUT_OFFSET = BinaryBroadcast.P_OP + 36;
    public static final int P_ACT_MIN = BinaryBroadcast.P_OP + 40;
    public static final int P_ACT_MAX = BinaryBroadcast.P_OP + 44;
    public static final int P_SIZE = BinaryBroadcast.P_SIZE;

    /** Adds {@code input1} and {@code input2} (int8, broadcast) into {@code output} (int8, dense). */
    public static void eval(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.run(params, p, input1, input1Off, input2, input2Off, output, outputOff, BinaryBroadcast.ADD);
    }

    /** One element, as AddFunc computes it. */
    static int apply(int x, int y, int input1Offset, int input2Offset, int leftShift, int input1Multiplier,
            int input1Shift, int input2Multiplier, int input2Shift, int outputMultiplier, int outputShift,
            int outputOffset, int actMin, int actMax) {
        int shifted1 = (input1Offset + x) * (1 << leftShift);
        int shifted2 = (input2Offset + y) * (1 << leftShift);
        int scaled1 = FixedPoint.multiplyByQuantizedMultiplier(shifted1, input1Multiplier, input1Shift);
        int scaled2 = FixedPoint.multiplyByQuantizedMultiplier(shifted2, input2Multiplier, input2Shift);
        int raw = FixedPoint.multiplyByQuantizedMultiplier(scaled1 + scaled2, outputMultiplier, outputShift)
                + outputOffset;
        return Math.min(actMax, Math.max(actMin, raw));
    }
}
