package dev.tinyj.runtime.kernels;

import dev.tinyj.runtime.math.FixedPoint;

/**
 * SQUARED_DIFFERENCE, int8 with broadcasting: TFLM's {@code SquaredDifference(T x, T y, const
 * ArithmeticParams&)} ({@code tensorflow/lite/micro/kernels/squared_difference.cc}, applied by
 * {@code reference_integer_ops::ElementWise} / {@code BroadcastBinaryFunction4DSlow}; parameters
 * from {@code PrepareQuantized} there, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per
 * element, in order: SUB's rescaled difference ({@link Sub#difference}, with left shift 7), squared
 * in int32, scaled to the output by {@code MultiplyByQuantizedMultiplier} (any shift), offset by
 * the output zero point and clamped to [−128, 127]. The walk is {@link BinaryBroadcast#runMore}.
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}, then ADD's operator fields
 * ({@link #P_INPUT1_OFFSET} .. {@link #P_ACT_MAX}, the clamp being the int8 range). Size
 * {@link #P_SIZE}.
 */
public final class SquaredDifference {
    private SquaredDifference() {
    }

    public static final int P_INPUT1_OFFSET = Add.P_INPUT1_OFFSET;
    public static final int P_INPUT2_OFFSET = Add.P_INPUT2_OFFSET;
    public static final int P_LEFT_SHIFT = Add.P_LEFT_SHIFT;
    public static final int P_INPUT1_MULTIPLIER = Add.P_INPUT1_MULTIPLIER;
    public static final int P_INPUT1_SHIFT = Add.P_INPUT1_SHIFT;
    public static final int P_INPUT2_MULTIPLIER = Add.P_INPUT2_MULTIPLIER;
    public static final int P_INPUT2_SHIFT = Add.P_INPUT2_SHIFT;
    public static final int P_OUTPUT_MULTIPLIER = Add.P_OUTPUT_MULTIPLIER;
    public static final int P_OUTPUT_SHIFT = Add.P_OUTPUT_SHIFT;
    public static final int P_OUTPUT_OFFSET = Add.P_OUTPUT_OFFSET;
    public static final int P_ACT_MIN = Add.P_ACT_MIN;
    public static final int P_ACT_MAX = Add.P_ACT_MAX;
    public static final int P_SIZE = BinaryBroadcast.P_SIZE;

    /** {@code (input1 − input2)²} (int8, broadcast), requantized into {@code output} (int8, dense). */
    public static void eval(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.runMore(params, p, input1, input1Off, input2, input2Off, output, outputOff,
                BinaryBroadcast.SQUARED_DIFFERENCE);
    }

    /** One element, as TFLM's {@code SquaredDifference} computes it (the square cannot overflow int32). */
    static int apply(int x, int y, int input1Offset, int input2Offset, int leftShift, int input1Multiplier,
            int input1Shift, int input2Multiplier, int input2Shift, int outputMultiplier, int outputShift,
            int outputOffset, int actMin, int actMax) {
        int d = Sub.difference(x, y, input1Offset, input2Offset, leftShift, input1Multiplier, input1Shift,
                input2Multiplier, input2Shift);
        int raw = FixedPoint.multiplyByQuantizedMultiplier(d * d, outputMultiplier, outputShift) + outputOffset;
        return Math.min(actMax, Math.max(actMin, raw));
    }
}
