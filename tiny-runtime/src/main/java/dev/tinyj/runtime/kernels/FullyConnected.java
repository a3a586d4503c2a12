package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * FULLY_CONNECTED, int8: TFLM {@code reference_integer_ops::FullyConnected} (per-tensor filter
 * scale) and {@code FullyConnectedPerChannel} (per-channel filter scales)
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/fully_connected.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Both are one loop here: the per-channel variant is the
 * per-tensor one with a zero filter offset and a multiplier per output channel.
 *
 * <p>Layouts: input int8 viewed as [batches, accum depth] (row-major), filter int8 [out depth,
 * accum depth], bias int32[out depth] little-endian (or absent), output int8 [batches, out depth].
 * {@code acc = Σ (filter + filter_offset) · (input + input_offset) + bias}, then
 * {@link ConvRequantize}.
 *
 * <table>
 * <caption>params</caption>
 * <tr><th>offset</th><th>field</th><th>meaning</th></tr>
 * <tr><td>0</td><td>{@link #P_BATCHES}</td><td>rows (output flat size / out depth)</td></tr>
 * <tr><td>4</td><td>{@link #P_ACCUM_DEPTH}</td><td>filter dimension 1</td></tr>
 * <tr><td>8</td><td>{@link #P_OUT_D}</td><td>output units</td></tr>
 * <tr><td>12</td><td>{@link #P_INPUT_OFFSET}</td><td>−input zero point</td></tr>
 * <tr><td>16</td><td>{@link #P_FILTER_OFFSET}</td><td>−filter zero point (0 when per-channel)</td></tr>
 * <tr><td>20</td><td>{@link #P_OUTPUT_OFFSET}</td><td>output zero point</td></tr>
 * <tr><td>24, 28</td><td>{@link #P_ACT_MIN}, {@link #P_ACT_MAX}</td><td>fused activation clamp</td></tr>
 * <tr><td>32</td><td>{@link #P_HAS_BIAS}</td><td>1 with a bias operand, 0 without ({@link FullyConnectedInt16}: {@link Int16Requantize} flags)</td></tr>
 * <tr><td>36</td><td>{@link #P_QUANT_COUNT}</td><td>entries per multiplier array (1 or out depth)</td></tr>
 * <tr><td>40</td><td>{@link #P_QUANT_STEP}</td><td>0 per-tensor, 1 per-channel</td></tr>
 * <tr><td>44</td><td>{@link #P_MULTIPLIERS}</td><td>int32 multipliers[count], then shifts[count]</td></tr>
 * </table>
 *
 * <p>The kernel trusts prepare (no runtime checks; TFLM only DCHECKs).
 */
public final class FullyConnected {
    private FullyConnected() {
    }

    public static final int P_BATCHES = 0;
    public static final int P_ACCUM_DEPTH = 4;
    public static final int P_OUT_D = 8;
    public static final int P_INPUT_OFFSET = 12;
    public static final int P_FILTER_OFFSET = 16;
    public static final int P_OUTPUT_OFFSET = 20;
    public static final int P_ACT_MIN = 24;
    public static final int P_ACT_MAX = 28;
    public static final int P_HAS_BIAS = 32;
    public static final int P_QUANT_COUNT = 36;
    public static final int P_QUANT_STEP = 40;
    public static final int P_MULTIPLIERS = 44;

    /** Runs the layer; {@code bias} may be null when {@link #P_HAS_BIAS} is 0. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int accumDepth = Flash.readInt(params, p + P_ACCUM_DEPTH);
        int outD = Flash.readInt(params, p + P_OUT_D);
        int inputOffset = Flash.readInt(params, p + P_INPUT_OFFSET);
        int filterOffset = Flash.readInt(params, p + P_FILTER_OFFSET);
        int outputOffset = Flash.readInt(params, p + P_OUTPUT_OFFSET);
        int actMin = Flash.readInt(params, p + P_ACT_MIN);
        int actMax = Flash.readInt(params, p + P_ACT_MAX);
        boolean hasBias = Flash.readInt(params, p + P_HAS_BIAS) != 0;
        int quantCount = Flash.readInt(params, p + P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + P_QUANT_STEP);
        int quantAt = p + P_MULTIPLIERS;
        int out = outputOff;
        for (int b = 0; b < batches; b++) {
            int row = inputOff + b * accumDepth;
            for (int oc = 0; oc < outD; oc++) {
                int f = filterOff + oc * accumDepth;
                int acc = 0;
                for (int d = 0; d < accumDepth; d++) {
                    acc += (filter[f + d] + filterOffset) * (input[row + d] + inputOffset);
                }
                if (hasBias) {
                    acc += Flash.readInt(bias, biasOff + 4 * oc);
                }
                output[out++] = (byte) ConvRequantize.toInt8(acc,
                        ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                        ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                        outputOffset, actMin, actMax);
            }
        }
    }
}
