package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * FULLY_CONNECTED, float32 type variant: TFLM {@code reference_ops::FullyConnected} for float
 * ({@code tensorflow/lite/kernels/internal/reference/fully_connected.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code micro/kernels/fully_connected.cc} calls it
 * for {@code kTfLiteFloat32}).
 *
 * <p>Layouts: input float32 viewed as [batches, accum depth] (row-major), filter float32 [out
 * depth, accum depth], bias float32[out depth] (or absent), output float32 [batches, out depth],
 * little-endian. Bit-exact with TFLM on x86-64: for each row {@code b} and unit {@code oc},
 * {@code total = 0}, {@code total += input[b, d] · filter[oc, d]} for d in order, then
 * {@code total + bias} ({@code + 0} without a bias) through {@link FloatTensor#clamp}.
 *
 * <table>
 * <caption>params</caption>
 * <tr><th>offset</th><th>field</th><th>meaning</th></tr>
 * <tr><td>0</td><td>{@link #P_BATCHES}</td><td>rows (output flat size / out depth)</td></tr>
 * <tr><td>4</td><td>{@link #P_ACCUM_DEPTH}</td><td>filter dimension 1</td></tr>
 * <tr><td>8</td><td>{@link #P_OUT_D}</td><td>output units</td></tr>
 * <tr><td>12, 16</td><td>{@link #P_ACT_MIN}, {@link #P_ACT_MAX}</td><td>fused activation clamp, float32 bits</td></tr>
 * <tr><td>20</td><td>{@link #P_HAS_BIAS}</td><td>1 with a bias operand, 0 without</td></tr>
 * </table>
 * Size {@link #P_SIZE}. The kernel trusts prepare (TFLM only DCHECKs).
 */
public final class FullyConnectedFloat {
    private FullyConnectedFloat() {
    }

    public static final int P_BATCHES = 0;
    public static final int P_ACCUM_DEPTH = 4;
    public static final int P_OUT_D = 8;
    public static final int P_ACT_MIN = 12;
    public static final int P_ACT_MAX = 16;
    public static final int P_HAS_BIAS = 20;
    public static final int P_SIZE = 24;

    /** Runs the layer; {@code bias} may be null when {@link #P_HAS_BIAS} is 0. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int accumDepth = Flash.readInt(params, p + P_ACCUM_DEPTH);
        int outD = Flash.readInt(params, p + P_OUT_D);
        float actMin = Float.intBitsToFloat(Flash.readInt(params, p + P_ACT_MIN));
        float actMax = Float.intBitsToFloat(Flash.readInt(params, p + P_ACT_MAX));
        boolean hasBias = Flash.readInt(params, p + P_HAS_BIAS) != 0;
        int out = 0;
        for (int b = 0; b < batches; b++) {
            int row = b * accumDepth;
            for (int oc = 0; oc < outD; oc++) {
                int f = oc * accumDepth;
                float total = 0f;
                for (int d = 0; d < accumDepth; d++) {
                    total += FloatTensor.get(input, inputOff, row + d) * FloatTensor.get(filter, filterOff, f + d);
                }
                float biasValue = hasBias ? FloatTensor.get(bias, biasOff, oc) : 0f;
                FloatTensor.set(output, outputOff, out++, FloatTensor.clamp(total + biasValue, actMin, actMax));
            }
        }
    }
}
