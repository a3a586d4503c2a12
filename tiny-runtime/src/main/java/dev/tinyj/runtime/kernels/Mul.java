package dev.tinyj.runtime.kernels;

import dev.tinyj.runtime.math.FixedPoint;

/**
 * MUL, int8 with broadcasting: TFLM's {@code reference_integer_ops::MulElementwise} and
 * {@code BroadcastMul6DSlow} ({@code tensorflow/lite/kernels/internal/reference/integer_ops/mul.h};
 * parameters from {@code tensorflow/lite/micro/kernels/mul_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element: the product of the two inputs with
 * their zero points removed, scaled by the multiplier of {@code s1 · s2 / s_out} (any shift),
 * plus the output zero point, clamped to the activation range.
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}, then these operator fields
 * (int32, byte offsets from the block start): {@link #P_INPUT1_OFFSET},
 * {@link #P_INPUT2_OFFSET} (negated input zero points), {@link #P_OUTPUT_MULTIPLIER},
 * {@link #P_OUTPUT_SHIFT}, {@link #P_OUTPUT_OFFSET} (output zero point), {@link #P_ACT_MIN},
 * {@link #P_ACT_MAX}; the remaining operator fields are unused (0). Size {@link #P_SIZE}.
 */
public final class Mul {
    private Mul() {
    }

    public static final int P_INPUT1_OFFSET = BinaryBroadcast.P_OP;
    public static final int P_INPUT2_OFFSET = BinaryBroadcast.P_OP + 4;
    public static final int P_OUTPUT_MULTIPLIER = BinaryBroadcast.P_OP + 8;
    public static final int P_OUTPUT_SHIFT = BinaryBroadcast.P_OP + 12;
    public static final int P_OUTPUT_OFFSET = BinaryBroadcast.P_OP + 16;
    public static final int P_ACT_MIN = BinaryBroadcast.P_OP + 20;
    public static final int P_ACT_MAX = BinaryBroadcast.P_OP + 24;
    public static final int P_SIZE = BinaryBroadcast.P_SIZE;

    /** Multiplies {@code input1} and {@code input2} (int8, broadcast) into {@code output} (int8, dense). */
    public static void eval(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.run(params, p, input1, input1Off, input2, input2Off, output, outputOff, BinaryBroadcast.MUL);
    }

    /** One element, as MulElementwise computes it (the int32 product wraps as in C++ two's complement). */
    static int apply(int x, int y, int input1Offset, int input2Offset, int outputMultiplier, int outputShift,
            int outputOffset, int actMin, int actMax) {
        int raw = outputOffset
                + FixedPoint.multiplyByQuantizedMultiplier((input1Offset + x) * (input2Offset + y), outputMultiplier,
                        outputShift);
        return Math.min(actMax, Math.max(actMin, raw));
    }
}
