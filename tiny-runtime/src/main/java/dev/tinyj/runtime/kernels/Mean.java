package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * MEAN, int8. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/reduce.h} {@code reference_ops::QuantizedMeanOrSum}
 * (compute_sum = false), which {@code micro/kernels/reduce_common.cc} {@code EvalMeanHelper} uses
 * for every int8 MEAN. At this commit there is a single int8 path: the same code runs whether or
 * not input and output quantization agree.
 *
 * <ol>
 * <li>Sum each output's input elements into an int32 (wrapping adds).</li>
 * <li>Fold 1/N into the prepared multiplier (N = number of elements reduced into one output):
 *     {@code s = min(floor(log2 N), 32, 31 + shift)}, {@code multiplier = (int32)((int64)
 *     multiplier << s) / N)}, {@code shift -= s}.</li>
 * <li>{@code out = MultiplyByQuantizedMultiplier(sum − input_zp·N, multiplier, shift) + output_zp},
 *     clamped to [−128, 127].</li>
 * </ol>
 * An input with a zero-sized dimension gives an all-zero output (TFLM returns early after zeroing
 * the output), not the output zero point.
 *
 * <p>Geometry: the host merges adjacent dims that are both kept or both reduced and drops dims of
 * size 1, so at most three kept groups and three reduced groups remain (inputs of up to 6 dims);
 * each group is (extent, input stride in elements), outermost first, unused groups have extent 1.
 * Outputs are produced in row-major order of the kept dims, which is the output layout with or
 * without keep_dims. The {@code axis} operand (int32, constant) is folded in by prepare and not passed.
 * No scratch buffer is needed (TFLM's int32 accumulator array is replaced by one running sum per
 * output; integer sums do not depend on order).
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>MEAN parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_INPUT_ZP}</td><td>input zero point</td></tr>
 * <tr><td>{@link #P_OUTPUT_ZP}</td><td>output zero point</td></tr>
 * <tr><td>{@link #P_MULTIPLIER}</td><td>QuantizeMultiplier(input_scale / output_scale): Q31 mantissa</td></tr>
 * <tr><td>{@link #P_SHIFT}</td><td>... and its exponent</td></tr>
 * <tr><td>{@link #P_COUNT}</td><td>N, elements reduced into each output</td></tr>
 * <tr><td>{@link #P_EMPTY}</td><td>1 when the input has a zero-sized dim, else 0</td></tr>
 * <tr><td>{@link #P_OUTPUTS}</td><td>number of output elements</td></tr>
 * <tr><td>{@link #P_KEPT} + 8·g</td><td>kept group g = 0..2: extent, then input stride</td></tr>
 * <tr><td>{@link #P_REDUCED} + 8·g</td><td>reduced group g = 0..2: extent, then input stride</td></tr>
 * </table>
 */
public final class Mean {
    /** Input zero point. */
    public static final int P_INPUT_ZP = 0;
    /** Output zero point. */
    public static final int P_OUTPUT_ZP = 4;
    /** Q31 multiplier of input_scale / output_scale. */
    public static final int P_MULTIPLIER = 8;
    /** Shift of that multiplier. */
    public static final int P_SHIFT = 12;
    /** Elements per output (N). */
    public static final int P_COUNT = 16;
    /** Input has a zero-sized dim. */
    public static final int P_EMPTY = 20;
    /** Output element count. */
    public static final int P_OUTPUTS = 24;
    /** Kept groups: 3 × (extent, stride). */
    public static final int P_KEPT = 28;
    /** Reduced groups: 3 × (extent, stride). */
    public static final int P_REDUCED = 52;
    /** Size of the parameter block. */
    public static final int P_SIZE = 76;

    private Mean() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        if (Flash.readInt(params, p + P_EMPTY) != 0) {
            int outputs = Flash.readInt(params, p + P_OUTPUTS);
            for (int k = 0; k < outputs; k++) {
                output[outputOff + k] = 0;
            }
            return;
        }
        int inputZp = Flash.readInt(params, p + P_INPUT_ZP);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZP);
        int count = Flash.readInt(params, p + P_COUNT);
        int shift = Flash.readInt(params, p + P_SHIFT);
        int s = 31 - Integer.numberOfLeadingZeros(count);
        s = Math.min(s, 32);
        s = Math.min(s, 31 + shift);
        int multiplier = (int) (((long) Flash.readInt(params, p + P_MULTIPLIER) << s) / count);
        shift = shift - s;
        int offset = inputZp * count;

        int ke0 = Flash.readInt(params, p + P_KEPT);
        int ks0 = Flash.readInt(params, p + P_KEPT + 4);
        int ke1 = Flash.readInt(params, p + P_KEPT + 8);
        int ks1 = Flash.readInt(params, p + P_KEPT + 12);
        int ke2 = Flash.readInt(params, p + P_KEPT + 16);
        int ks2 = Flash.readInt(params, p + P_KEPT + 20);
        int out = outputOff;
        for (int a = 0; a < ke0; a++) {
            for (int b = 0; b < ke1; b++) {
                for (int c = 0; c < ke2; c++) {
                    int sum = sumReduced(params, p, input, inputOff + a * ks0 + b * ks1 + c * ks2);
                    int v = FixedPoint.multiplyByQuantizedMultiplier(sum - offset, multiplier, shift) + outputZp;
                    output[out] = (byte) Math.min(Math.max(v, -128), 127);
                    out++;
                }
            }
        }
    }

    /** Sum of the input elements reduced into one output, starting at {@code base}. */
    private static int sumReduced(byte[] params, int p, byte[] input, int base) {
        int re0 = Flash.readInt(params, p + P_REDUCED);
        int rs0 = Flash.readInt(params, p + P_REDUCED + 4);
        int re1 = Flash.readInt(params, p + P_REDUCED + 8);
        int rs1 = Flash.readInt(params, p + P_REDUCED + 12);
        int re2 = Flash.readInt(params, p + P_REDUCED + 16);
        int rs2 = Flash.readInt(params, p + P_REDUCED + 20);
        int sum = 0;
        for (int x = 0; x < re0; x++) {
            for (int y = 0; y < re1; y++) {
                int at = base + x * rs0 + y * rs1;
                for (int z = 0; z < re2; z++) {
                    sum += input[at];
                    at += rs2;
                }
            }
        }
        return sum;
    }
}
