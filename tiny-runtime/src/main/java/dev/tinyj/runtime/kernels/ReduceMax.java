package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * REDUCE_MAX, int8. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/reduce.h} {@code reference_ops::ReduceGeneric<int8_t>}
 * with the initial value −128 and the reducer {@code (in > current) ? in : current}, as
 * {@code micro/kernels/reduce_common.cc} {@code EvalMinMaxHelper} calls it for int8 (which also
 * requires equal input and output quantization: values are copied, not rescaled).
 *
 * <ol>
 * <li>An input with a zero-sized dimension gives every output −128 (TFLM fills the output with the
 *     initial value and returns).</li>
 * <li>Otherwise each output is the largest of the input elements reduced into it, starting from
 *     −128.</li>
 * </ol>
 *
 * <p>Geometry: MEAN's ({@link Mean}): the host merges adjacent dims that are both kept or both
 * reduced and drops dims of size 1, leaving at most three kept and three reduced groups (inputs of
 * up to 6 dims), each (extent, input stride in elements), outermost first, unused groups extent 1.
 * Outputs come in row-major order of the kept dims, the output layout with or without keep_dims.
 * The {@code axis} operand is folded in by prepare and not passed. No scratch buffer.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>REDUCE_MAX parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTPUTS}</td><td>number of output elements</td></tr>
 * <tr><td>{@link #P_EMPTY}</td><td>1 when the input has a zero-sized dim, else 0</td></tr>
 * <tr><td>{@link #P_KEPT} + 8·g</td><td>kept group g = 0..2: extent, then input stride</td></tr>
 * <tr><td>{@link #P_REDUCED} + 8·g</td><td>reduced group g = 0..2: extent, then input stride</td></tr>
 * </table>
 */
public final class ReduceMax {
    /** Output element count. */
    public static final int P_OUTPUTS = 0;
    /** Input has a zero-sized dim. */
    public static final int P_EMPTY = 4;
    /** Kept groups: 3 × (extent, stride). */
    public static final int P_KEPT = 8;
    /** Reduced groups: 3 × (extent, stride). */
    public static final int P_REDUCED = 32;
    /** Size of the parameter block. */
    public static final int P_SIZE = 56;

    private ReduceMax() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        if (Flash.readInt(params, p + P_EMPTY) != 0) {
            int outputs = Flash.readInt(params, p + P_OUTPUTS);
            for (int k = 0; k < outputs; k++) {
                output[outputOff + k] = -128;
            }
            return;
        }
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
                    output[out] = (byte) maxReduced(params, p, input, inputOff + a * ks0 + b * ks1 + c * ks2);
                    out++;
                }
            }
        }
    }

    /** The largest input element reduced into one output (at least −128), starting at {@code base}. */
    private static int maxReduced(byte[] params, int p, byte[] input, int base) {
        int re0 = Flash.readInt(params, p + P_REDUCED);
        int rs0 = Flash.readInt(params, p + P_REDUCED + 4);
        int re1 = Flash.readInt(params, p + P_REDUCED + 8);
        int rs1 = Flash.readInt(params, p + P_REDUCED + 12);
        int re2 = Flash.readInt(params, p + P_REDUCED + 16);
        int rs2 = Flash.readInt(params, p + P_REDUCED + 20);
        int max = -128;
        for (int x = 0; x < re0; x++) {
            for (int y = 0; y < re1; y++) {
                int at = base + x * rs0 + y * rs1;
                for (int z = 0; z < re2; z++) {
                    max = Math.max(max, input[at]);
                    at += rs2;
                }
            }
        }
        return max;
    }
}
