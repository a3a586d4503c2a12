package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;
import dev.tinyj.runtime.math.FixedPoint;
import dev.tinyj.runtime.math.FixedPointExp;
import dev.tinyj.runtime.math.FixedPointSigmoid;

/**
 * int8-input SOFTMAX (int8 out, or int16 out), bit-exact with tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code tensorflow/lite/kernels/internal/reference/softmax.h}
 * (the quantized {@code reference_ops::Softmax<int8_t, int8_t>} template) and
 * {@code GetReciprocal} of {@code tensorflow/lite/kernels/internal/common.h}. No lookup table: the
 * fixed-point {@code exp_on_negative_values} / {@code one_over_one_plus_x_for_x_in_0_1} path.
 *
 * <p>Softmax runs along the last dimension: the tensor is {@code outerSize} rows of {@code depth}
 * values (row-major). Per row, in order:
 * <ol>
 * <li>the row maximum (starting from −128);</li>
 * <li>for every value whose difference to the maximum is at least {@code diff_min}: the difference
 *     times {@code input_beta_multiplier · 2^left_shift} as a Q5.26 value, its exp in Q0.31 rescaled
 *     to Q12.19 and summed (wrapping 32-bit sum);</li>
 * <li>the reciprocal of the sum: normalise by its leading zeros, {@code 1/(1+x)} by Newton–Raphson;</li>
 * <li>each output: {@code exp · reciprocal} rounded right by {@code bits_over_unit + 23}, minus 128,
 *     clamped to int8; values below {@code diff_min} give −128.</li>
 * </ol>
 * The output quantization is therefore fixed: scale 1/256, zero point −128 (prepare checks it).
 * With {@link #P_OUTPUT_INT16} set, the output is int16 ({@code reference_ops::Softmax<int8_t,
 * int16_t>}): the same steps with the rounding shift {@code bits_over_unit + 15}, minus 32768,
 * clamped to int16, stored little-endian; values below {@code diff_min} give −32768 (output scale
 * 1/65536, zero point −32768).
 *
 * <p>Parameter block (little-endian int32 at {@code p + offset}), written by the host's
 * {@code SoftmaxPrepare}:
 * <table>
 * <caption>SOFTMAX parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTER_SIZE}</td><td>number of rows (product of all but the last dimension)</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>row length (last dimension)</td></tr>
 * <tr><td>{@link #P_INPUT_MULTIPLIER}</td><td>Q31 multiplier of {@code beta · input_scale · 2^26}</td></tr>
 * <tr><td>{@link #P_INPUT_LEFT_SHIFT}</td><td>its left shift (0..31)</td></tr>
 * <tr><td>{@link #P_DIFF_MIN}</td><td>smallest input difference that contributes (≤ 0)</td></tr>
 * <tr><td>{@link #P_OUTPUT_INT16}</td><td>1: int16 output, 0: int8 output</td></tr>
 * </table>
 * Trusts its parameters. TFLM's run-time check {@code 0 ≤ exponent ≤ 31} fails once a row's sum
 * of exponentials reaches 512.0 (possible from depth 512 with a flat row): TFLM aborts there, and
 * this kernel stops with {@code Mcu.panic(PANIC_SUM_TOO_LARGE, row index)} rather than compute a
 * shift of 32.
 */
public final class Softmax {
    private Softmax() {
    }

    /** {@code Mcu.panic} code: a row's sum of exponentials is 512 or more (TFLM aborts). */
    public static final int PANIC_SUM_TOO_LARGE = 0x7101;

    public static final int P_OUTER_SIZE = 0;
    public static final int P_DEPTH = 4;
    public static final int P_INPUT_MULTIPLIER = 8;
    public static final int P_INPUT_LEFT_SHIFT = 12;
    public static final int P_DIFF_MIN = 16;
    public static final int P_OUTPUT_INT16 = 20;
    /** Size of the block in bytes. */
    public static final int P_BYTES = 24;

    /** Integer bits of the scaled input difference (Q5.26), as prepare's {@code kScaledDiffIntegerBits}. */
    public static final int SCALED_DIFF_INTEGER_BITS = 5;
    /** Integer bits of the sum of exps (Q12.19). */
    public static final int ACCUMULATION_INTEGER_BITS = 12;

    /** Softmax of each row of {@code input} (int8) into {@code output} (int8, or int16 little-endian). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        if (Flash.readInt(params, p + P_OUTPUT_INT16) != 0) {
            evalToInt16(params, p, input, inputOff, output, outputOff);
            return;
        }
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int multiplier = Flash.readInt(params, p + P_INPUT_MULTIPLIER);
        int leftShift = Flash.readInt(params, p + P_INPUT_LEFT_SHIFT);
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
                    int exp = expOfScaledDiff(diff, multiplier, leftShift);
                    sumOfExps += FixedPointExp.rescale(exp, 0, ACCUMULATION_INTEGER_BITS);
                }
            }
            // GetReciprocal(sum, 12): scale the sum into [1, 2), take 1/(1 + fraction)
            int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            int bitsOverUnit = ACCUMULATION_INTEGER_BITS - headroomPlusOne;
            int shiftedSumMinusOne = (sumOfExps << headroomPlusOne) - Integer.MIN_VALUE;
            int shiftedScale = FixedPointSigmoid.oneOverOnePlusX(shiftedSumMinusOne);
            int exponent = bitsOverUnit + 31 - 8;
            if (exponent < 0 || exponent > 31) {
                Mcu.panic(PANIC_SUM_TOO_LARGE, row / depth);
                return;
            }
            for (int c = 0; c < depth; c++) {
                int diff = input[inputOff + row + c] - max;
                int q = -128;
                if (diff >= diffMin) {
                    int exp = expOfScaledDiff(diff, multiplier, leftShift);
                    int unsaturated = FixedPoint.roundingDivideByPOT(
                            FixedPoint.saturatingRoundingDoublingHighMul(shiftedScale, exp), exponent);
                    q = Math.min(Math.max(unsaturated - 128, -128), 127);
                }
                output[outputOff + row + c] = (byte) q;
            }
        }
    }

    /**
     * The int16-output form of {@link #eval}: the same row maximum, sum of exps and reciprocal (kept
     * apart so the int8 loop's code is unchanged), then each output rounded right by
     * {@code bits_over_unit + 15} and offset by −32768.
     */
    private static void evalToInt16(byte[] params, int p, byte[] input, int inputOff, byte[] output,
            int outputOff) {
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int multiplier = Flash.readInt(params, p + P_INPUT_MULTIPLIER);
        int leftShift = Flash.readInt(params, p + P_INPUT_LEFT_SHIFT);
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
                    sumOfExps += FixedPointExp.rescale(expOfScaledDiff(diff, multiplier, leftShift), 0,
                            ACCUMULATION_INTEGER_BITS);
                }
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            int shiftedScale = FixedPointSigmoid.oneOverOnePlusX((sumOfExps << headroomPlusOne) - Integer.MIN_VALUE);
            int exponent = ACCUMULATION_INTEGER_BITS - headroomPlusOne + 31 - 16;
            if (exponent < 0 || exponent > 31) {
                Mcu.panic(PANIC_SUM_TOO_LARGE, i);
                return;
            }
            for (int c = 0; c < depth; c++) {
                int diff = input[inputOff + row + c] - max;
                int q = -32768;
                if (diff >= diffMin) {
                    int unsaturated = FixedPoint.roundingDivideByPOT(FixedPoint.saturatingRoundingDoublingHighMul(
                            shiftedScale, expOfScaledDiff(diff, multiplier, leftShift)), exponent);
                    q = Math.min(Math.max(unsaturated - 32768, -32768), 32767);
                }
                int o = outputOff + 2 * (row + c);
                output[o] = (byte) q;
                output[o + 1] = (byte) (q >> 8);
            }
        }
    }

    /**
     * {@code exp_on_negative_values} of the difference rescaled to Q5.26 with TFLM's
     * {@code MultiplyByQuantizedMultiplierGreaterThanOne} (wrapping left shift, then the high
     * multiply; no rounding shift).
     */
    private static int expOfScaledDiff(int diff, int multiplier, int leftShift) {
        int scaled = FixedPoint.saturatingRoundingDoublingHighMul(diff * (1 << leftShift), multiplier);
        return FixedPointExp.expOnNegativeValues(scaled, SCALED_DIFF_INTEGER_BITS);
    }
}
