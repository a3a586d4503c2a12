package dev.tinyj.runtime.kernels;

import dev.tinyj.runtime.math.FixedPoint;

/**
 * SUB, int8 with broadcasting: TFLM's {@code reference_ops::Sub} / {@code BroadcastQuantSubSlow}
 * ({@code tensorflow/lite/kernels/internal/reference/sub.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/sub_common.cc} {@code CalculateOpDataSub}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Per element, in order: both inputs have their zero
 * point removed, are shifted left by {@code left_shift} (20) and scaled to a common scale (each by
 * its multiplier, {@code MultiplyByQuantizedMultiplierSmallerThanOneExp}); the second is
 * subtracted from the first; the difference is scaled to the output, offset by the output zero
 * point and clamped to the activation range. All multipliers have shift ≤ 0 (prepare ensures it).
 * The walk is {@link BinaryBroadcast#runMore}.
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}, then these operator fields
 * (int32, byte offsets from the block start), ADD's layout: {@link #P_INPUT1_OFFSET},
 * {@link #P_INPUT2_OFFSET} (negated input zero points), {@link #P_LEFT_SHIFT},
 * {@link #P_INPUT1_MULTIPLIER}, {@link #P_INPUT1_SHIFT}, {@link #P_INPUT2_MULTIPLIER},
 * {@link #P_INPUT2_SHIFT}, {@link #P_OUTPUT_MULTIPLIER}, {@link #P_OUTPUT_SHIFT},
 * {@link #P_OUTPUT_OFFSET} (output zero point), {@link #P_ACT_MIN}, {@link #P_ACT_MAX} (activation
 * clamp). Size {@link #P_SIZE}.
 */
public final class Sub {
    private Sub() {
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

    /** Subtracts {@code input2} from {@code input1} (int8, broadcast) into {@code output} (int8, dense). */
    public static void eval(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.runMore(params, p, input1, input1Off, input2, input2Off, output, outputOff, BinaryBroadcast.SUB);
    }

    /** One element, as {@code BroadcastQuantSubSlow}'s element function computes it. */
    static int apply(int x, int y, int input1Offset, int input2Offset, int leftShift, int input1Multiplier,
            int input1Shift, int input2Multiplier, int input2Shift, int outputMultiplier, int outputShift,
            int outputOffset, int actMin, int actMax) {
        int d = difference(x, y, input1Offset, input2Offset, leftShift, input1Multiplier, input1Shift,
                input2Multiplier, input2Shift);
        int raw = FixedPoint.multiplyByQuantizedMultiplier(d, outputMultiplier, outputShift) + outputOffset;
        return Math.min(actMax, Math.max(actMin, raw));
    }

    /**
     * The two inputs on their common scale, subtracted: each offset, shifted left by
     * {@code leftShift} and scaled by its multiplier (shift ≤ 0), as {@code BroadcastQuantSubSlow}
     * and {@code SquaredDifference} (micro/kernels/squared_difference.cc) compute {@code raw_sub} /
     * {@code raw_diff}.
     */
    static int difference(int x, int y, int input1Offset, int input2Offset, int leftShift, int input1Multiplier,
            int input1Shift, int input2Multiplier, int input2Shift) {
        int shifted1 = (input1Offset + x) * (1 << leftShift);
        int shifted2 = (input2Offset + y) * (1 << leftShift);
        int scaled1 = FixedPoint.multiplyByQuantizedMultiplier(shifted1, input1Multiplier, input1Shift);
        int scaled2 = FixedPoint.multiplyByQuantizedMultiplier(shifted2, input2Multiplier, input2Shift);
        return scaled1 - scaled2;
    }
}
