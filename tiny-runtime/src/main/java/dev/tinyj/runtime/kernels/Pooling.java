package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;

/**
 * The window walk shared by {@link AveragePool2D} and {@link MaxPool2D}, following TFLM's
 * {@code reference_integer_ops::AveragePool} and {@code MaxPool}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Tensors are NHWC int8; input and output share scale
 * and zero point (prepare checks it), so no requantization happens.
 *
 * <p>For every output position (batch, y, x, channel) the window origin is
 * {@code (y * stride_h - pad_h, x * stride_w - pad_w)}; the window is clipped to the input, so
 * padding cells are never read (they neither count toward the average nor take part in the
 * maximum). The result is clamped to the fused activation's [min, max].
 *
 * <p>Parameter block (int32 little-endian fields, byte offsets):
 * <table>
 * <caption>pooling parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_BATCHES}</td><td>batches (input dim 0 = output dim 0)</td></tr>
 * <tr><td>{@link #P_IN_H}, {@link #P_IN_W}</td><td>input height, width</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>channels (input dim 3 = output dim 3)</td></tr>
 * <tr><td>{@link #P_OUT_H}, {@link #P_OUT_W}</td><td>output height, width (as the model declares them)</td></tr>
 * <tr><td>{@link #P_STRIDE_H}, {@link #P_STRIDE_W}</td><td>strides</td></tr>
 * <tr><td>{@link #P_FILTER_H}, {@link #P_FILTER_W}</td><td>window size</td></tr>
 * <tr><td>{@link #P_PAD_H}, {@link #P_PAD_W}</td><td>padding before row 0 / column 0</td></tr>
 * <tr><td>{@link #P_ACT_MIN}, {@link #P_ACT_MAX}</td><td>output clamp, int8 values</td></tr>
 * </table>
 * Size {@link #P_SIZE}. The kernel trusts the block; like TFLM's AveragePool it stops (here
 * {@link #PANIC_EMPTY_WINDOW}, arg = flat output index) only when a window holds no input cell.
 */
public final class Pooling {
    private Pooling() {
    }

    public static final int P_BATCHES = 0;
    public static final int P_IN_H = 4;
    public static final int P_IN_W = 8;
    public static final int P_DEPTH = 12;
    public static final int P_OUT_H = 16;
    public static final int P_OUT_W = 20;
    public static final int P_STRIDE_H = 24;
    public static final int P_STRIDE_W = 28;
    public static final int P_FILTER_H = 32;
    public static final int P_FILTER_W = 36;
    public static final int P_PAD_H = 40;
    public static final int P_PAD_W = 44;
    public static final int P_ACT_MIN = 48;
    public static final int P_ACT_MAX = 52;
    public static final int P_SIZE = 56;

    /** Panic code: an average-pool window covers no input cell (TFLM's AveragePool returns false). */
    public static final int PANIC_EMPTY_WINDOW = 0x7001;

    /**
     * Pools every output cell.
     *
     * @param average true: rounded mean (AVERAGE_POOL_2D); false: maximum (MAX_POOL_2D)
     */
    static void run(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff,
            boolean average) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int inH = Flash.readInt(params, p + P_IN_H);
        int inW = Flash.readInt(params, p + P_IN_W);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int outH = Flash.readInt(params, p + P_OUT_H);
        int outW = Flash.readInt(params, p + P_OUT_W);
        int strideH = Flash.readInt(params, p + P_STRIDE_H);
        int strideW = Flash.readInt(params, p + P_STRIDE_W);
        int filterH = Flash.readInt(params, p + P_FILTER_H);
        int filterW = Flash.readInt(params, p + P_FILTER_W);
        int padH = Flash.readInt(params, p + P_PAD_H);
        int padW = Flash.readInt(params, p + P_PAD_W);
        int actMin = Flash.readInt(params, p + P_ACT_MIN);
        int actMax = Flash.readInt(params, p + P_ACT_MAX);
        int rowStride = inW * depth;
        int out = outputOff;
        for (int b = 0; b < batches; b++) {
            int batchBase = inputOff + b * inH * rowStride;
            for (int oy = 0; oy < outH; oy++) {
                int originY = oy * strideH - padH;
                int fyStart = Math.max(0, -originY);
                int fyEnd = Math.min(filterH, inH - originY);
                for (int ox = 0; ox < outW; ox++) {
                    int originX = ox * strideW - padW;
                    int fxStart = Math.max(0, -originX);
                    int fxEnd = Math.min(filterW, inW - originX);
                    for (int c = 0; c < depth; c++) {
                        int acc = average ? 0 : -128;
                        int count = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            int at = batchBase + (originY + fy) * rowStride + (originX + fxStart) * depth + c;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int v = input[at];
                                if (average) {
                                    acc += v;
                                } else if (v > acc) {
                                    acc = v;
                                }
                                count++;
                                at += depth;
                            }
                        }
                        if (average) {
                            if (count == 0) {
                                Mcu.panic(PANIC_EMPTY_WINDOW, out - outputOff);
                                return;
                            }
                            acc = roundedMean(acc, count);
                        }
                        acc = Math.min(Math.max(acc, actMin), actMax);
                        output[out] = (byte) acc;
                        out++;
                    }
                }
            }
        }
    }

    /**
     * TFLM's rounding of the window sum: {@code (sum ± count/2) / count} with C's truncating
     * division, adding for a positive sum and subtracting otherwise: the nearest integer, halves
     * away from zero.
     */
    static int roundedMean(int sum, int count) {
        int half = count / 2;
        return sum > 0 ? (sum + half) / count : (sum - half) / count;
    }
}
