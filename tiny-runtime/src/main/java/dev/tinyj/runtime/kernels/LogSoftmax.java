package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;
import dev.tinyj.runtime.math.FixedPoint;
import dev.tinyj.runtime.math.FixedPointExp;
import dev.tinyj.runtime.math.FixedPointLog;

/**
 * int8 LOG_SOFTMAX, bit-exact with tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/log_softmax.h} ({@code LogSoftmaxQuantized<int8_t>},
 * called by {@code micro/kernels/log_softmax.cc} {@code LogSoftmaxEval}), with
 * {@code log_x_for_x_greater_than_or_equal_to_1} of {@code common.h} ({@link FixedPointLog}).
 *
 * <p>Along the last dimension: the tensor is {@code outerSize} rows of {@code depth} values
 * (row-major). Per row, in order:
 * <ol>
 * <li>the row maximum (starting from −128);</li>
 * <li>for every value whose difference to the maximum is at least {@code diff_min}: the difference
 *     times the input multiplier ({@code MultiplyByQuantizedMultiplier} with the prepared left
 *     shift) as a Q5.26 value, its {@code exp_on_negative_values} rescaled to Q12.19 and summed;</li>
 * <li>{@code log_sum} = ln(sum) in Q5.26;</li>
 * <li>{@code adjusted_diff_min = max(diff_min − 1, MultiplyByQuantizedMultiplier(log_sum + INT32_MIN,
 *     reverse_scaling_divisor, −reverse_scaling_right_shift))};</li>
 * <li>each output: a difference above {@code adjusted_diff_min} gives
 *     {@code RoundingDivideByPOT(diff_in_q5 − log_sum, 22) + 127} clamped to int8; any other −128.</li>
 * </ol>
 * The output quantization is fixed: scale 16/256, zero point 127 (prepare checks it).
 *
 * <p>Parameter block (little-endian int32 at {@code p + offset}), written by the host's
 * {@code LogSoftmaxPrepare}:
 * <table>
 * <caption>LOG_SOFTMAX parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTER_SIZE}</td><td>number of rows (product of all but the last dimension)</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>row length (last dimension)</td></tr>
 * <tr><td>{@link #P_INPUT_MULTIPLIER}</td><td>Q31 multiplier of {@code input_scale · 2^26}</td></tr>
 * <tr><td>{@link #P_INPUT_LEFT_SHIFT}</td><td>its left shift (1..31)</td></tr>
 * <tr><td>{@link #P_REVERSE_SCALING_DIVISOR}</td><td>Q31 multiplier of the inverse scaling</td></tr>
 * <tr><td>{@link #P_REVERSE_SCALING_RIGHT_SHIFT}</td><td>its right shift (≥ 0)</td></tr>
 * <tr><td>{@link #P_DIFF_MIN}</td><td>smallest input difference that contributes (≤ 0)</td></tr>
 * </table>
 * Trusts its parameters. The Q12.19 sum of exps reaches 2^31 only in rows of 4096 or more values
 * close to the maximum; TFLM's int32 sum overflows there (undefined behaviour, a wrong logarithm),
 * and this kernel stops with {@code Mcu.panic(PANIC_SUM_OVERFLOW, row index)}.
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    /** {@code Mcu.panic} code: a row's Q12.19 sum of exps overflowed int32 (TFLM: undefined behaviour). */
    public static final int PANIC_SUM_OVERFLOW = 0x7102;

    public static final int P_OUTER_SIZE = 0;
    public static final int P_DEPTH = 4;
    public static final int P_INPUT_MULTIPLIER = 8;
    public static final int P_INPUT_LEFT_SHIFT = 12;
    public static final int P_REVERSE_SCALING_DIVISOR = 16;
    public static final int P_REVERSE_SCALING_RIGHT_SHIFT = 20;
    public static final int P_DIFF_MIN = 24;
    /** Size of the block in bytes. */
    public static final int P_SIZE = 28;

    /** Integer bits of the scaled input difference and of the log (Q5.26), TFLM's {@code kInputIntegerBits}. */
    public static final int INPUT_INTEGER_BITS = 5;
    /** Integer bits of the sum of exps (Q12.19). */
    private static final int ACCUMULATION_INTEGER_BITS = 12;
    /** Integer bits of the output before the downcast (Q4.27). */
    private static final int OUTPUT_INTEGER_BITS = 4;

    /** Log-softmax of each row of {@code input} into {@code output}, int8 in and out. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int multiplier = Flash.readInt(params, p + P_INPUT_MULTIPLIER);
        int leftShift = Flash.readInt(params, p + P_INPUT_LEFT_SHIFT);
        int reverseDivisor = Flash.readInt(params, p + P_REVERSE_SCALING_DIVISOR);
        int reverseRightShift = Flash.readInt(params, p + P_REVERSE_SCALING_RIGHT_SHIFT);
        int diffMin = Flash.readInt(params, p + P_DIFF_MIN);
        for (int i = 0; i < outerSize; i++) {
            int row = i * depth;
            int max = -128;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, input[inputOff + row + c]);
            }
            int sumOfExps = 0;
            for (int c = 0; c < depth; c++) {
                int diff = input[inputOff + row + c] - max;
                if (diff >= diffMin) {
                    int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, multiplier, leftShift);
                    sumOfExps += FixedPointExp.rescale(FixedPointExp.expOnNegativeValues(scaled, INPUT_INTEGER_BITS),
                            0, ACCUMULATION_INTEGER_BITS);
                    if (sumOfExps < 0) {
                        Mcu.panic(PANIC_SUM_OVERFLOW, i);
                        return;
                    }
                }
            }
            int logSum = FixedPointLog.logXGreaterThanOrEqualToOne(sumOfExps, ACCUMULATION_INTEGER_BITS,
                    INPUT_INTEGER_BITS);
            int adjustedDiffMin = Math.max(diffMin - 1, FixedPoint.multiplyByQuantizedMultiplier(
                    logSum + Integer.MIN_VALUE, reverseDivisor, -reverseRightShift));
            for (int c = 0; c < depth; c++) {
                int diff = input[inputOff + row + c] - max;
                int q = -128;
                if (diff > adjustedDiffMin) {
                    int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, multiplier, leftShift);
                    int unsaturated = FixedPoint.roundingDivideByPOT(scaled - logSum,
                            31 - INPUT_INTEGER_BITS - OUTPUT_INTEGER_BITS) + 127;
                    q = Math.min(Math.max(unsaturated, -128), 127);
                }
                output[outputOff + row + c] = (byte) q;
            }
        }
    }
}
