package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;

/**
 * The window walk of {@link AveragePool2DInt16} and {@link MaxPool2DInt16}: TFLM's
 * {@code reference_integer_ops::AveragePool} and {@code MaxPool} for {@code int16_t}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). The algorithm and the parameter block are
 * {@link Pooling}'s (its {@code P_*} layout, {@link Pooling#roundedMean},
 * {@link Pooling#PANIC_EMPTY_WINDOW}); only the element width differs: NHWC int16 little-endian,
 * an int32 window sum, a maximum starting from −32768, an int16 clamp. It is a separate walk
 * rather than a width parameter of {@link Pooling#run} so that the int8 kernels' bytecode, and
 * with it their cycle counts, stay exactly as they were.
 */
final class PoolingInt16 {
    private PoolingInt16() {
    }

    /**
     * Pools every output cell.
     *
     * @param average true: rounded mean (AVERAGE_POOL_2D); false: maximum (MAX_POOL_2D)
     */
    static void run(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff,
            boolean average) {
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
        int actMin = Flash.readInt(params, p + Pooling.P_ACT_MIN);
        int actMax = Flash.readInt(params, p + Pooling.P_ACT_MAX);
        int rowStride = inW * depth;
        int out = 0;
        for (int b = 0; b < batches; b++) {
            int batchBase = b * inH * rowStride;
            for (int oy = 0; oy < outH; oy++) {
                int originY = oy * strideH - padH;
                int fyStart = Math.max(0, -originY);
                int fyEnd = Math.min(filterH, inH - originY);
                for (int ox = 0; ox < outW; ox++) {
                    int originX = ox * strideW - padW;
                    int fxStart = Math.max(0, -originX);
                    int fxEnd = Math.min(filterW, inW - originX);
                    for (int c = 0; c < depth; c++) {
                        int acc = average ? 0 : -32768;
                        int count = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            int at = batchBase + (originY + fy) * rowStride + (originX + fxStart) * depth + c;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int v = Int16Requantize.load(input, inputOff, at);
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
                                Mcu.panic(Pooling.PANIC_EMPTY_WINDOW, out);
                                return;
                            }
                            acc = Pooling.roundedMean(acc, count);
                        }
                        acc = Math.min(Math.max(acc, actMin), actMax);
                        Int16Requantize.store(output, outputOff, out, acc);
                        out++;
                    }
                }
            }
        }
    }
}
