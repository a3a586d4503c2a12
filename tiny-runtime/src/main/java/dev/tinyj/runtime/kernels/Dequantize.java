package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * DEQUANTIZE, int8 to float32: TFLM's {@code reference_ops::Dequantize}
 * ({@code tensorflow/lite/kernels/internal/reference/dequantize.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/dequantize_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), output float32 little-endian.
 *
 * <p>TFLM computes {@code static_cast<float>(scale * (val − zero_point))} with {@code scale} a
 * double holding the float32 input scale. This kernel computes the float32 product
 * {@code scale_f * (float) (val − zero_point)}, which is the identical float:
 * <ol>
 * <li>{@code d = val − zero_point} is an integer with |d| ≤ 255 (prepare keeps the zero point
 * in [−128, 127]), so {@code (float) d} is exact.</li>
 * <li>The exact product {@code scale_f · d} has at most 24 + 8 = 32 significant bits and an
 * exponent far inside double's normal range (float32's smallest subnormal is 2^−149), so the
 * double multiply in TFLM is exact: no rounding there.</li>
 * <li>TFLM's only rounding is then the conversion of that exact value to float32; the float32
 * multiply here rounds the same exact value once, in the same mode (nearest, ties to even),
 * with the same overflow to ±∞ and the same subnormal results. So both give the same bits;
 * a property test checks every int8 value against a host double computation over many scales.</li>
 * </ol>
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_ZERO_POINT} (input zero point), {@link #P_SCALE_BITS} (input scale, float32 bits).
 * Size {@link #P_SIZE}.
 */
public final class Dequantize {
    private Dequantize() {
    }

    public static final int P_COUNT = 0;
    public static final int P_ZERO_POINT = 4;
    public static final int P_SCALE_BITS = 8;
    public static final int P_SIZE = 12;

    /** Dequantizes {@code input} (int8) into {@code output} (float32 little-endian, 4 bytes per element). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int zp = Flash.readInt(params, p + P_ZERO_POINT);
        float scale = Float.intBitsToFloat(Flash.readInt(params, p + P_SCALE_BITS));
        int o = outputOff;
        for (int i = 0; i < count; i++) {
            int bits = Float.floatToRawIntBits(scale * (float) (input[inputOff + i] - zp));
            output[o] = (byte) bits;
            output[o + 1] = (byte) (bits >> 8);
            output[o + 2] = (byte) (bits >> 16);
            output[o + 3] = (byte) (bits >> 24);
            o += 4;
        }
    }
}
