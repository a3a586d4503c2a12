package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * SOFTMAX, int16 in and int16 out, bit-exact with tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code reference_ops::SoftmaxInt16} and
 * {@code SoftMaxCalculateExp} ({@code tensorflow/lite/kernels/internal/reference/softmax.h}) with
 * {@code LUTLookup(int16_t, const int16_t*)} ({@code tensorflow/lite/kernels/internal/common.h}):
 * two 513-entry int16 lookup tables with linear interpolation, {@code exp(x)} on [−10, 0] and
 * {@code 1/(1 + x)} on [0, 1], which TFLM's {@code CalculateSoftmaxParams}
 * ({@code micro/kernels/softmax_common.cc}) fills at prepare time with {@code LUTPopulate}. The
 * host prepare fills them the same way and puts them in the parameter block (flash), where TFLM
 * keeps them in the arena.
 *
 * <p>Softmax runs along the last dimension ({@code outerSize} rows of {@code depth}). Per row:
 * <ol>
 * <li>the row maximum (from −32768);</li>
 * <li>each exp: {@code MultiplyByQuantizedMultiplier(x − max, input_multiplier, input_left_shift)}
 *     (scales [−65535, 0] to [−10, 0]), plus 32767, saturated to int16, looked up in the exp
 *     table; kept in the output (as TFLM does) and summed in int32 (Q16.15);</li>
 * <li>the reciprocal: with {@code h} the leading zeros of the sum,
 *     {@code ((sum << (h − 1)) + 2^13) >> 14} (64-bit), minus {@code 2^15 + 2^16}, saturated to
 *     int16, looked up in the 1/(1+x) table;</li>
 * <li>each output: {@code (exp · reciprocal + 2^(30 − h)) >> (31 − h)} (64-bit), clamped to
 *     [0, 32767].</li>
 * </ol>
 * Output quantization is therefore scale 1/32768, zero point 0 (prepare checks it, as TFLM).
 *
 * <p>Parameter block (little-endian, at {@code p + offset}), written by the host's
 * {@code SoftmaxInt16Prepare}:
 * <table>
 * <caption>SOFTMAX int16 parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTER_SIZE}</td><td>rows (product of all but the last dimension)</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>row length (last dimension)</td></tr>
 * <tr><td>{@link #P_INPUT_MULTIPLIER}</td><td>Q31 multiplier of {@code input_scale · beta / (10 / 65535)}</td></tr>
 * <tr><td>{@link #P_INPUT_LEFT_SHIFT}</td><td>its shift (positive: left)</td></tr>
 * <tr><td>{@link #P_EXP_LUT}</td><td>{@link #LUT_SIZE} int16 entries of the exp table (then 2 bytes of padding)</td></tr>
 * <tr><td>{@link #P_ONE_OVER_ONE_PLUS_X_LUT}</td><td>{@link #LUT_SIZE} int16 entries of the 1/(1+x) table (then padding)</td></tr>
 * </table>
 * Size {@link #P_SIZE}. Trusts its parameters (TFLM's kernel checks nothing either).
 */
public final class SoftmaxInt16 {
    private SoftmaxInt16() {
    }

    /** Entries of each table: 512 intervals and their end ({@code LUTSize<int16_t>()}). */
    public static final int LUT_SIZE = 513;
    /** Bytes of each table in the block: {@link #LUT_SIZE} int16 values rounded up to whole int32 fields. */
    public static final int LUT_BYTES = (2 * LUT_SIZE + 3) & ~3;

    public static final int P_OUTER_SIZE = 0;
    public static final int P_DEPTH = 4;
    public static final int P_INPUT_MULTIPLIER = 8;
    public static final int P_INPUT_LEFT_SHIFT = 12;
    public static final int P_EXP_LUT = 16;
    public static final int P_ONE_OVER_ONE_PLUS_X_LUT = P_EXP_LUT + LUT_BYTES;
    /** Size of the block in bytes. */
    public static final int P_SIZE = P_ONE_OVER_ONE_PLUS_X_LUT + LUT_BYTES;

    /** Softmax of each row of {@code input} into {@code output}, int16 in and out. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int multiplier = Flash.readInt(params, p + P_INPUT_MULTIPLIER);
        int leftShift = Flash.readInt(params, p + P_INPUT_LEFT_SHIFT);
        int expLut = p + P_EXP_LUT;
        int oneOverLut = p + P_ONE_OVER_ONE_PLUS_X_LUT;
        for (int i = 0; i < outerSize; i++) {
            int row = i * depth;
            int max = -32768;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, Int16Requantize.load(input, inputOff, row + c));
            }
            int sumOfExps = 0;
            for (int c = 0; c < depth; c++) {
                int diff = Int16Requantize.load(input, inputOff, row + c) - max;
                int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, multiplier, leftShift);
                int exp = lookup(params, expLut, saturate(scaled + 32767));
                Int16Requantize.store(output, outputOff, row + c, exp);
                sumOfExps += exp;
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            int shiftedSum = (int) ((((long) sumOfExps << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
            int reciprocal = lookup(params, oneOverLut, saturate(shiftedSum - ((1 << 15) + (1 << 16))));
            int rightShift = 31 - headroomPlusOne;
            long round = 1 << (rightShift - 1);
            for (int c = 0; c < depth; c++) {
                long exp = Int16Requantize.load(output, outputOff, row + c);
                int result = (int) ((exp * reciprocal + round) >> rightShift);
                Int16Requantize.store(output, outputOff, row + c, Math.min(Math.max(result, 0), 32767));
            }
        }
    }

    /** {@code value} saturated to int16. */
    private static int saturate(int value) {
        return Math.min(Math.max(value, -32768), 32767);
    }

    /**
     * TFLM's {@code LUTLookup(int16_t value, const int16_t* lut)}: entry {@code 256 + (value >> 7)}
     * plus the slope to the next entry (an int16 difference) times the low 7 bits, rounded
     * ({@code (slope · offset + 64) >> 7}); the sum truncated to int16.
     *
     * @param lut byte offset of the table's entry 0 in {@code params}
     */
    static int lookup(byte[] params, int lut, int value) {
        int at = lut + 2 * (256 + (value >> 7));
        int base = Flash.readShort(params, at);
        int slope = (short) (Flash.readShort(params, at + 2) - base);
        int delta = (slope * (value & 0x7F) + 64) >> 7;
        return (short) (base + delta);
    }
}
