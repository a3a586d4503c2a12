package dev.tinyj.runtime.kernels;

/**
 * AVERAGE_POOL_2D, int8, NHWC: TFLM's {@code reference_integer_ops::AveragePool}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Each output is the mean of the input cells its
 * window covers inside the input (padding is not counted), rounded half away from zero, then
 * clamped to the fused activation range. Parameter layout: {@link Pooling} ({@code P_*} there).
 */
public final class AveragePool2D {
    private AveragePool2D() {
    }

    /** Pools {@code input} (NHWC int8) into {@code output} (NHWC int8). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Pooling.run(params, p, input, inputOff, output, outputOff, true);
    }
}
