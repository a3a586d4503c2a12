package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * MAX_POOL_2D, float32 type variant, NHWC: TFLM {@code reference_ops::MaxPool} for float
 * ({@code tensorflow/lite/kernels/internal/reference/pooling.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code MaxPoolingEvalFloat} in
 * {@code micro/kernels/pooling_common.cc} calls it). For each output (batch, y, x, channel) the
 * window is clipped to the input; {@code max} starts at −FLT_MAX ({@code lowest()}) and takes each
 * input cell with {@code std::max(max, v)} ({@code max < v ? v : max}: a NaN cell is skipped, −∞
 * never replaces −FLT_MAX), then goes through {@link FloatTensor#clamp}. No arithmetic: the
 * result is bit-exact.
 *
 * <p>Parameter layout: {@link Pooling}'s (same offsets and size), with {@link Pooling#P_ACT_MIN}
 * and {@link Pooling#P_ACT_MAX} holding the float32 clamp's bits (TFLM
 * {@code CalculateActivationRange}).
 */
public final class MaxPool2DFloat {
    private MaxPool2DFloat() {
    }

    /** The most negative finite float, TFLM's {@code std::numeric_limits<float>::lowest()}. */
    private static final float LOWEST = -Float.MAX_VALUE;

    /** Pools {@code input} (NHWC float32) into {@code output} (NHWC float32). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + Pooling.P_BATCHES);
        int inH = Flash.readInt(params, p + Pooling.P_IN_H);
        int inW = Flash.readInt(params, p + Pooling.P_IN_W);
        int depth = Flash.readInt(params, p + Pooling.P_DEPTH);
        int outH = Flash.readInt(params, p + Pooling.P_OUT_H);
        int outW = Flash.readInt(params, p + Pooling.P_OUT_W);
        int strideH = Flash.readInt(params, p + Pooling.P_STRIDE_H);
        int strideW = Flash.readInt(params, p + Pooling.P_STRIDE_W);
        int filterH = Flash.readInt(params, p + Pooling.P_FILTER_H);
        int filterW = Flash.readInt(params, p + Pooling.P_FILTER_W);
        int padH = Flash.readInt(params, p + Pooling.P_PAD_H);
        int padW = Flash.readInt(params, p + Pooling.P_PAD_W);
        float actMin = Float.intBitsToFloat(Flash.readInt(params, p + Pooling.P_ACT_MIN));
        float actMax = Float.intBitsToFloat(Flash.readInt(params, p + Pooling.P_ACT_MAX));
        int out = 0;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int originY = oy * strideH - padH;
                int fyStart = Math.max(0, -originY);
                int fyEnd = Math.min(filterH, inH - originY);
                for (int ox = 0; ox < outW; ox++) {
                    int originX = ox * strideW - padW;
                    int fxStart = Math.max(0, -originX);
                    int fxEnd = Math.min(filterW, inW - originX);
                    for (int c = 0; c < depth; c++) {
                        float max = LOWEST;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            int at = ((b * inH + originY + fy) * inW + originX + fxStart) * depth + c;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                float v = FloatTensor.get(input, inputOff, at);
                                if (max < v) {
                                    max = v;
                                }
                                at += depth;
                            }
                        }
                        FloatTensor.set(output, outputOff, out++, FloatTensor.clamp(max, actMin, actMax));
                    }
                }
            }
        }
    }
}
