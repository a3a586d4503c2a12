package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * Elements of a float32 tensor in a {@code byte[]} (little-endian IEEE bits, 4 bytes per element,
 * as TFLite stores them), for the float32 type variants of the kernels ({@link Conv2DFloat},
 * {@link DepthwiseConv2DFloat}, {@link FullyConnectedFloat}, {@link MaxPool2DFloat},
 * {@link SoftmaxFloat}), and TFLM's fused activation clamp for float outputs.
 */
public final class FloatTensor {
    private FloatTensor() {
    }

    /** Element {@code i} of the float32 tensor at byte offset {@code off} of {@code a}. */
    public static float get(byte[] a, int off, int i) {
        return Float.intBitsToFloat(Flash.readInt(a, off + 4 * i));
    }

    /** Stores {@code v} as element {@code i} of the float32 tensor at byte offset {@code off} of {@code a}. */
    public static void set(byte[] a, int off, int i, float v) {
        int bits = Float.floatToRawIntBits(v);
        int at = off + 4 * i;
        a[at] = (byte) bits;
        a[at + 1] = (byte) (bits >> 8);
        a[at + 2] = (byte) (bits >> 16);
        a[at + 3] = (byte) (bits >> 24);
    }

    /**
     * TFLM's {@code ActivationFunctionWithMinMax} ({@code tensorflow/lite/kernels/internal/common.h},
     * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424): {@code std::min(std::max(x, min), max)}
     * with the standard library's comparisons, {@code max(a, b) = a < b ? b : a} and
     * {@code min(a, b) = b < a ? b : a}. Unlike {@link Math#max(float, float)} it keeps −0 against a
     * bound of +0 (RELU of −0 is −0) and passes a NaN through.
     */
    public static float clamp(float x, float min, float max) {
        float lower = x < min ? min : x;
        return max < lower ? max : lower;
    }
}
