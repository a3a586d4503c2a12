package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * QUANTIZE from int16: requantization to int8, int16 or int32 as TFLM's
 * {@code reference_ops::Requantize<int16_t, output_type>} ({@code reference/requantize.h}), which
 * {@code EvalQuantizeReference} ({@code micro/kernels/quantize_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) runs for an int16 input:
 * {@code clamp(MultiplyByQuantizedMultiplier(x − input_zero_point, m, shift) + output_zero_point)}
 * to the output type's range, the multiplier being {@code QuantizeMultiplier(input_scale /
 * output_scale)}. (TFLM's {@code x ^ 0x80} fast path applies to int8/uint8 pairs only.)
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}, {@link #P_MULTIPLIER},
 * {@link #P_SHIFT}, {@link #P_OUTPUT_BYTES} (1, 2 or 4: int8, int16, int32, little-endian),
 * {@link #P_OUTPUT_MIN} and {@link #P_OUTPUT_MAX} (the output type's range). Size {@link #P_SIZE}.
 * Trusts prepare.
 */
public final class QuantizeInt16 {
    private QuantizeInt16() {
    }

    public static final int P_COUNT = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_MULTIPLIER = 12;
    public static final int P_SHIFT = 16;
    public static final int P_OUTPUT_BYTES = 20;
    public static final int P_OUTPUT_MIN = 24;
    public static final int P_OUTPUT_MAX = 28;
    public static final int P_SIZE = 32;

    /** Requantizes {@code input} (int16) into {@code output} (int8, int16 or int32). */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int inZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int outZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        int multiplier = Flash.readInt(params, p + P_MULTIPLIER);
        int shift = Flash.readInt(params, p + P_SHIFT);
        int bytes = Flash.readInt(params, p + P_OUTPUT_BYTES);
        int min = Flash.readInt(params, p + P_OUTPUT_MIN);
        int max = Flash.readInt(params, p + P_OUTPUT_MAX);
        int out = outputOff;
        for (int i = 0; i < count; i++) {
            int x = Int16Requantize.load(input, inputOff, i) - inZp;
            int q = FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift) + outZp;
            q = Math.max(Math.min(q, max), min);
            for (int b = 0; b < bytes; b++) {
                output[out++] = (byte) (q >> (8 * b));
            }
        }
    }
}
