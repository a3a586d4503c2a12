package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * SVDF, integer path: tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/micro/kernels/svdf_common.cc} {@code EvalIntegerSvdfReference<T>}, with
 * {@code T} (the element of weights_time and of the activation state) int16
 * ({@code EvalInt16SvdfReference}) or int8 ({@code EvalInt8SvdfReference}), chosen as
 * {@code EvalSvdf} does by weights_time's type.
 *
 * <p>Operands: input int8 [batch, input_size]; weights_feature int8 [filters, input_size];
 * weights_time T [filters, memory]; bias int32 [units] (units = filters / rank); activation state T
 * [batch, filters × memory], a variable tensor this kernel reads and writes in place (its state
 * operand; it carries over between inferences); output int8 [batch, units]. Per inference:
 * <ol>
 *   <li>the whole state moves one element to the left (element 0 drops out);</li>
 *   <li>for each batch b and filter f: {@code dot = Σ_c wf[f][c] · (in[b][c] − input_zp)},
 *       {@code MultiplyByQuantizedMultiplier(dot, m1, s1)} clamped to T's range, plus the state's
 *       zero point, stored (as T, wrapping) in the last element of row {@code (b, f)}, i.e. at
 *       {@code (b·filters + f)·memory + memory − 1};</li>
 *   <li>for each batch and unit u: {@code acc = bias[u] + Σ_{j<rank} Σ_{m<memory} wt[f][m] ·
 *       (state[(b·filters + f)·memory + m] − state_zp)} with {@code f = u·rank + j} (int32,
 *       wrapping), then {@code clamp(MultiplyByQuantizedMultiplier(acc, m2, s2) + output_zp, −128,
 *       127)}. The integer path applies no fused activation (TFLM's neither).</li>
 * </ol>
 * TFLM keeps the per-filter sums and the per-unit sums in two int32 scratch buffers; adding each
 * filter's sum straight into its unit's accumulator gives the same int32 result (wrapping addition
 * is associative), so this kernel needs no scratch buffer.
 *
 * <table>
 * <caption>params (int32 fields, byte offsets)</caption>
 * <tr><td>{@link #P_BATCH}, {@link #P_INPUT_SIZE}, {@link #P_FILTERS}, {@link #P_RANK},
 *     {@link #P_MEMORY}</td><td>shapes (units = filters / rank)</td></tr>
 * <tr><td>{@link #P_STATE_BYTES}</td><td>bytes of T: 2 (int16) or 1 (int8)</td></tr>
 * <tr><td>{@link #P_INPUT_ZERO_POINT}, {@link #P_STATE_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}</td>
 *     <td>zero points</td></tr>
 * <tr><td>{@link #P_MULTIPLIER_1}, {@link #P_SHIFT_1}</td><td>QuantizeMultiplier of
 *     input_scale · weights_feature_scale / state_scale</td></tr>
 * <tr><td>{@link #P_MULTIPLIER_2}, {@link #P_SHIFT_2}</td><td>QuantizeMultiplier of
 *     state_scale · weights_time_scale / output_scale</td></tr>
 * </table>
 * The kernel trusts prepare (TFLM checks nothing at eval).
 */
public final class Svdf {
    private Svdf() {
    }

    public static final int P_BATCH = 0;
    public static final int P_INPUT_SIZE = 4;
    public static final int P_FILTERS = 8;
    public static final int P_RANK = 12;
    public static final int P_MEMORY = 16;
    public static final int P_STATE_BYTES = 20;
    public static final int P_INPUT_ZERO_POINT = 24;
    public static final int P_STATE_ZERO_POINT = 28;
    public static final int P_OUTPUT_ZERO_POINT = 32;
    public static final int P_MULTIPLIER_1 = 36;
    public static final int P_SHIFT_1 = 40;
    public static final int P_MULTIPLIER_2 = 44;
    public static final int P_SHIFT_2 = 48;
    public static final int P_SIZE = 52;

    /** One inference step; {@code state} is read and written in place. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] weightsFeature,
            int weightsFeatureOff, byte[] weightsTime, int weightsTimeOff, byte[] bias, int biasOff, byte[] state,
            int stateOff, byte[] output, int outputOff) {
        int batch = Flash.readInt(params, p + P_BATCH);
        int inputSize = Flash.readInt(params, p + P_INPUT_SIZE);
        int filters = Flash.readInt(params, p + P_FILTERS);
        int rank = Flash.readInt(params, p + P_RANK);
        int memory = Flash.readInt(params, p + P_MEMORY);
        int t = Flash.readInt(params, p + P_STATE_BYTES);
        int inputZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int stateZp = Flash.readInt(params, p + P_STATE_ZERO_POINT);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        int m1 = Flash.readInt(params, p + P_MULTIPLIER_1);
        int s1 = Flash.readInt(params, p + P_SHIFT_1);
        int m2 = Flash.readInt(params, p + P_MULTIPLIER_2);
        int s2 = Flash.readInt(params, p + P_SHIFT_2);
        int stateMax = t == 2 ? 32767 : 127;
        int stateMin = -stateMax - 1;

        // 1. left shift of the whole state by one element (a memmove, as TFLM's forward copy)
        System.arraycopy(state, stateOff + t, state, stateOff, (batch * filters * memory - 1) * t);

        // 2. feature matmul into the newest element of each row
        for (int b = 0; b < batch; b++) {
            int in = inputOff + b * inputSize;
            for (int f = 0; f < filters; f++) {
                int w = weightsFeatureOff + f * inputSize;
                int dot = 0;
                for (int c = 0; c < inputSize; c++) {
                    dot += weightsFeature[w + c] * (input[in + c] - inputZp);
                }
                dot = FixedPoint.multiplyByQuantizedMultiplier(dot, m1, s1);
                dot = Math.min(Math.max(stateMin, dot), stateMax);
                put(state, stateOff + ((b * filters + f) * memory + memory - 1) * t, t, stateZp + dot);
            }
        }

        // 3. time weights, rank reduction, bias, rescale
        int units = filters / rank;
        for (int b = 0; b < batch; b++) {
            for (int u = 0; u < units; u++) {
                int acc = Flash.readInt(bias, biasOff + 4 * u);
                for (int j = 0; j < rank; j++) {
                    int f = u * rank + j;
                    int wt = weightsTimeOff + f * memory * t;
                    int st = stateOff + (b * filters + f) * memory * t;
                    int sum = 0;
                    for (int m = 0; m < memory; m++) {
                        sum += get(weightsTime, wt + m * t, t) * (get(state, st + m * t, t) - stateZp);
                    }
                    acc += sum;
                }
                int q = FixedPoint.multiplyByQuantizedMultiplier(acc, m2, s2) + outputZp;
                output[outputOff + b * units + u] = (byte) Math.min(Math.max(q, -128), 127);
            }
        }
    }

    /** Element of {@code t} bytes (2: little-endian int16, 1: int8) at byte offset {@code at}. */
    private static int get(byte[] a, int at, int t) {
        return t == 2 ? Flash.readShort(a, at) : a[at];
    }

    /** Stores the low {@code t} bytes of {@code v} (little-endian) at byte offset {@code at}. */
    private static void put(byte[] a, int at, int t, int v) {
        a[at] = (byte) v;
        if (t == 2) {
            a[at + 1] = (byte) (v >> 8);
        }
    }
}
