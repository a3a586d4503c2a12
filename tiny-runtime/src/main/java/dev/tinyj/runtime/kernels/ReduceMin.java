package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * REDUCE_MIN, int8. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/reduce.h} {@code reference_ops::ReduceGeneric<int8_t>}
 * with the initial value 127 and the reducer {@code (in < current) ? in : current}, as
 * {@code micro/kernels/reduce_common.cc} {@code EvalMinMaxHelper} calls it for int8 (which also
 * requires equal input and output quantization: values are copied, not rescaled).
 *
 * <ol>
 * <li>An input with a zero-sized dimension gives every output 127 (TFLM fills the output with the
 *     initial value and returns).</li>
 * <li>Otherwise each output is the smallest of the input elements reduced into it, starting from
 *     127.</li>
 * </ol>
 *
 * <p>Geometry and parameter block are {@link ReduceMax}'s (the host writes both the same way): at
 * most three kept and three reduced groups of (extent, input stride in elements), outermost first,
 * outputs in row-major order of the kept dims. The {@code axis} operand is folded in by prepare
 * and not passed. No scratch buffer. The subset has no function values, so the min reducer has its
 * own loop nest rather than being a parameter of REDUCE_MAX's.
 */
public final class ReduceMin {
    /** Output element count. */
    public static final int P_OUTPUTS = ReduceMax.P_OUTPUTS;
    /** Input has a zero-sized dim. */
    public static final int P_EMPTY = ReduceMax.P_EMPTY;
    /** Kept groups: 3 × (extent, stride). */
    public static final int P_KEPT = ReduceMax.P_KEPT;
    /** Reduced groups: 3 × (extent, stride). */
    public static final int P_REDUCED = ReduceMax.P_REDUCED;
    /** Size of the parameter block. */
    public static final int P_SIZE = ReduceMax.P_SIZE;

    private ReduceMin() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        if (Flash.readInt(params, p + P_EMPTY) != 0) {
            int outputs = Flash.readInt(params, p + P_OUTPUTS);
            for (int k = 0; k < outputs; k++) {
                output[outputOff + k] = 127;
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
                    output[out] = (byte) minReduced(params, p, input, inputOff + a * ks0 + b * ks1 + c * ks2);
                    out++;
                }
            }
        }
    }

    /** The smallest input element reduced into one output (at most 127), starting at {@code base}. */
    private static int minReduced(byte[] params, int p, byte[] input, int base) {
        int re0 = Flash.readInt(params, p + P_REDUCED);
        int rs0 = Flash.readInt(params, p + P_REDUCED + 4);
        int re1 = Flash.readInt(params, p + P_REDUCED + 8);
        int rs1 = Flash.readInt(params, p + P_REDUCED + 12);
        int re2 = Flash.readInt(params, p + P_REDUCED + 16);
        int rs2 = Flash.readInt(params, p + P_REDUCED + 20);
        int min = 127;
        for (int x = 0; x < re0; x++) {
            for (int y = 0; y < re1; y++) {
                int at = base + x * rs0 + y * rs1;
                for (int z = 0; z < re2; z++) {
                    min = Math.min(min, input[at]);
                    at += rs2;
                }
            }
        }
        return min;
    }
}
