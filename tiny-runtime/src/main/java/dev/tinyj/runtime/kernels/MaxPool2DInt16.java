package dev.tinyj.runtime.kernels;

/**
 * MAX_POOL_2D, int16, NHWC: TFLM's {@code reference_integer_ops::MaxPool} for {@code int16_t}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), which {@code MaxEval} in
 * {@code micro/kernels/pooling.cc} runs for an int16 input. Each output is the largest input cell
 * its window covers inside the input (−32768 when it covers none), clamped to the fused
 * activation range. Parameter layout: {@link Pooling}.
 */
public final class MaxPool2DInt16 {
    private MaxPool2DInt16() {
    }

    /** Pools {@code input} (NHWC int16) into {@code output} (NHWC int16). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        PoolingInt16.run(params, p, input, inputOff, output, outputOff, false);
    }
}
