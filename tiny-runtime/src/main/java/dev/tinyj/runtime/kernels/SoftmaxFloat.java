package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FloatExp;

/**
 * SOFTMAX, float32 type variant: TFLM's float {@code reference_ops::Softmax}
 * ({@code tensorflow/lite/kernels/internal/reference/softmax.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code micro/kernels/softmax.cc} calls it for
 * {@code kTfLiteFloat32}), along the last dimension: {@code outerSize} rows of {@code depth}
 * values. Per row, in TFLM's order:
 * <ol>
 * <li>{@code max} from −FLT_MAX by {@code std::max} ({@code max < v ? v : max});</li>
 * <li>for each value: {@code e = exp((v − max) · beta)}, stored to the output, and
 *     {@code sum += e} (from 0, in order);</li>
 * <li>each output: {@code e / sum}.</li>
 * </ol>
 * Every step is IEEE float as TFLM's, except the exponential: TFLM calls {@code std::exp}, i.e.
 * the C library (glibc on the x86-64 build the golden data come from); this kernel uses
 * {@link FloatExp#exp}, float arithmetic only, which is within {@value FloatExp#ULPS_FROM_GLIBC}
 * ULP of glibc's {@code expf} over all inputs. The quotient {@code e / sum} compounds a 1-ULP
 * difference of an exponential with the one it makes in the sum: <b>outputs are within
 * {@value #ULPS_FROM_TFLM} ULP of TFLM's x86-64 outputs</b>, the largest difference measured over
 * 11 million random rows (872 million elements; 0.16% of them differ at all) against TFLM's
 * reference kernel built with g++ on x86-64 (see {@code docs/kernels.md}). {@code tinyj run
 * --expect} accepts exactly that much for a model output this kernel writes.
 *
 * <p>Parameter block (int32 little-endian): {@link #P_OUTER_SIZE} rows, {@link #P_DEPTH} row
 * length, {@link #P_BETA} beta as float32 bits. Size {@link #P_SIZE}.
 */
public final class SoftmaxFloat {
    private SoftmaxFloat() {
    }

    /** Largest difference of an output element from TFLM's x86-64 output, in ULPs (see the class comment). */
    public static final int ULPS_FROM_TFLM = 4;

    public static final int P_OUTER_SIZE = 0;
    public static final int P_DEPTH = 4;
    public static final int P_BETA = 8;
    public static final int P_SIZE = 12;

    /** The most negative finite float, TFLM's {@code std::numeric_limits<float>::lowest()}. */
    private static final float LOWEST = -Float.MAX_VALUE;

    /** Softmax of each row of {@code input} into {@code output}, float32 in and out. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int outerSize = Flash.readInt(params, p + P_OUTER_SIZE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        float beta = Float.intBitsToFloat(Flash.readInt(params, p + P_BETA));
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
                float e = FloatExp.exp((FloatTensor.get(input, inputOff, row + c) - max) * beta);
                FloatTensor.set(output, outputOff, row + c, e);
                sum += e;
            }
            for (int c = 0; c < depth; c++) {
                FloatTensor.set(output, outputOff, row + c, FloatTensor.get(output, outputOff, row + c) / sum);
            }
        }
    }
}
