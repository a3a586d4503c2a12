package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FloatExp;
import dev.tinyj.runtime.math.FloatLog;

/**
 * LOG_SOFTMAX, float32 type variant: TFLM's float {@code reference_ops::LogSoftmax}
 * ({@code tensorflow/lite/kernels/internal/reference/log_softmax.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code micro/kernels/log_softmax.cc} calls it for
 * {@code kTfLiteFloat32}), along the last dimension: {@code outerSize} rows of {@code depth}
 * values. Per row, in TFLM's order:
 * <ol>
 * <li>{@code max} from −FLT_MAX by {@code std::max} ({@code max < v ? v : max});</li>
 * <li>{@code sum += exp(v − max)} for each value (from 0, in order);</li>
 * <li>{@code logSum = log(sum)};</li>
 * <li>each output: {@code (v − max) − logSum}.</li>
 * </ol>
 * Every step is IEEE float as TFLM's, except the exponential and the logarithm: TFLM calls
 * {@code std::exp} and {@code std::log}, i.e. glibc's {@code expf} and {@code logf} on the x86-64
 * build the golden data come from; this kernel uses {@link FloatExp#exp} and {@link FloatLog#log},
 * float arithmetic only, within {@value FloatExp#ULPS_FROM_GLIBC} and
 * {@value FloatLog#ULPS_FROM_GLIBC} ULP of glibc over all inputs. A 1-ULP difference of an
 * exponential can move the rounded sum by one ULP, and {@code log} magnifies that when the sum is
 * near 1 (a row with one dominant value): <b>outputs are within {@value #ULPS_FROM_TFLM} ULP of
 * TFLM's x86-64 outputs</b>, the largest difference measured over random rows against TFLM's
 * reference kernel built with g++ on x86-64 (see {@code docs/kernels.md}). {@code tinyj run
 * --expect} accepts exactly that much for a model output this kernel writes.
 *
 * <p>Parameter block (int32 little-endian): {@link #P_OUTER_SIZE} rows, {@link #P_DEPTH} row
 * length. Size {@link #P_SIZE}.
 */
public final class LogSoftmaxFloat {
    private LogSoftmaxFloat() {
    }

    /** Largest difference of an output element from TFLM's x86-64 output, in ULPs (see the class comment). */
    public static final int ULPS_FROM_TFLM = 127;

    public static final int P_OUTER_SIZE = 0;
    public static final int P_DEPTH = 4;
    public static final int P_SIZE = 8;

    /** The most negative finite float, TFLM's {@code std::numeric_limits<float>::lowest()}. */
    private static final float LOWEST = -Float.MAX_VALUE;

    /** Log-softmax of each row of {@code input} into {@code output}, float32 in and out. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        for (int i = 0; i < outerSize; i++) {
            int row = i * depth;
            float max = LOWEST;
            for (int c = 0; c < depth; c++) {
                float v = FloatTensor.get(input, inputOff, row + c);
                if (max < v) {
                    max = v;
                }
            }
            float sum = 0f;
            for (int c = 0; c < depth; c++) {
                sum += FloatExp.exp(FloatTensor.get(input, inputOff, row + c) - max);
            }
            float logSum = FloatLog.log(sum);
            for (int c = 0; c < depth; c++) {
                FloatTensor.set(output, outputOff, row + c, FloatTensor.get(input, inputOff, row + c) - max - logSum);
            }
        }
    }
}
