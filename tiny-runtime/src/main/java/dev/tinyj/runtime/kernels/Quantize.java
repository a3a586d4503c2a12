package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * QUANTIZE to int8, three forms (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424,
 * {@code tensorflow/lite/micro/kernels/quantize_common.cc} {@code EvalQuantizeReference}):
 * <ul>
 * <li>{@link #MODE_FROM_FLOAT32}: float32 (little-endian) to int8 as
 * {@code reference_ops::AffineQuantize} ({@code reference/quantize.h}):
 * {@code q = clamp((int32) roundf(x / scale) + zero_point, −128, 127)}, the division in float32
 * with the output scale, {@code roundf} ties away from zero. The float-to-int32 conversion of
 * an out-of-range or NaN quotient is undefined in C++; this kernel gives what TFLM built for
 * x86-64 gives ({@code cvttss2si}: {@code 0x80000000}, then the zero point added with int32
 * wrap-around), see {@link #roundToInt32}.</li>
 * <li>{@link #MODE_REQUANTIZE}: int8 to int8 as {@code reference_ops::Requantize}
 * ({@code reference/requantize.h}):
 * {@code clamp(MultiplyByQuantizedMultiplier(x − input_zero_point, m, shift) + output_zero_point)},
 * the multiplier being {@code QuantizeMultiplier(input_scale / output_scale)}.</li>
 * <li>{@link #MODE_REQUANTIZE_FROM_UINT8}: uint8 to int8, the same {@code Requantize} with the
 * input bytes read unsigned. TFLM's fast path for equal scales and a zero point difference of
 * 128 ({@code x ^ 0x80}) gives what this general form gives, so it has no branch of its own.</li>
 * </ul>
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_MODE}, {@link #P_COUNT} (elements),
 * {@link #P_OUTPUT_ZERO_POINT}, {@link #P_SCALE_BITS} (output scale as float32 bits; float mode),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_MULTIPLIER}, {@link #P_SHIFT} (requantize modes). Size
 * {@link #P_SIZE}. An unknown mode writes nothing (prepare never produces one).
 */
public final class Quantize {
    private Quantize() {
    }

    public static final int MODE_FROM_FLOAT32 = 0;
    public static final int MODE_REQUANTIZE = 1;
    public static final int MODE_REQUANTIZE_FROM_UINT8 = 2;

    public static final int P_MODE = 0;
    public static final int P_COUNT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_SCALE_BITS = 12;
    public static final int P_INPUT_ZERO_POINT = 16;
    public static final int P_MULTIPLIER = 20;
    public static final int P_SHIFT = 24;
    public static final int P_SIZE = 28;

    /** 2^31 as a float. */
    private static final float TWO_POW_31 = 2147483648f;
    /** 2^23: from here on every float is an integer. */
    private static final float TWO_POW_23 = 8388608f;

    /**
     * Quantizes {@code input} (float32 little-endian, int8 or uint8 in the requantize modes) into
     * {@code output} (int8).
     */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int mode = Flash.readInt(params, p + P_MODE);
        int count = Flash.readInt(params, p + P_COUNT);
        int outZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        if (mode == MODE_FROM_FLOAT32) {
            float scale = Float.intBitsToFloat(Flash.readInt(params, p + P_SCALE_BITS));
            for (int i = 0; i < count; i++) {
                float x = Float.intBitsToFloat(Flash.readInt(input, inputOff + 4 * i));
                int q = roundToInt32(x / scale) + outZp;
                output[outputOff + i] = (byte) Math.min(Math.max(q, -128), 127);
            }
        } else if (mode == MODE_REQUANTIZE) {
            int inZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
            int multiplier = Flash.readInt(params, p + P_MULTIPLIER);
            int shift = Flash.readInt(params, p + P_SHIFT);
            for (int i = 0; i < count; i++) {
                int q = FixedPoint.multiplyByQuantizedMultiplier(input[inputOff + i] - inZp, multiplier, shift) + outZp;
                output[outputOff + i] = (byte) Math.max(Math.min(q, 127), -128);
            }
        } else if (mode == MODE_REQUANTIZE_FROM_UINT8) {
            // the int8 loop above with the byte read unsigned; kept apart so the int8 path's cycles stay as they were
            int inZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
            int multiplier = Flash.readInt(params, p + P_MULTIPLIER);
            int shift = Flash.readInt(params, p + P_SHIFT);
            for (int i = 0; i < count; i++) {
                int q = FixedPoint.multiplyByQuantizedMultiplier((input[inputOff + i] & 0xFF) - inZp, multiplier, shift)
                        + outZp;
                output[outputOff + i] = (byte) Math.max(Math.min(q, 127), -128);
            }
        }
    }

    /**
     * {@code static_cast<int32_t>(roundf(x))} as x86-64 computes it: {@code roundf} rounds to the
     * nearest integer with halves away from zero; a result outside [−2^31, 2^31) or NaN converts
     * to {@code Integer.MIN_VALUE} (the "integer indefinite" of {@code cvttss2si}), where Java's
     * {@code (int)} would saturate or give 0.
     */
    public static int roundToInt32(float x) {
        if (!(x >= -TWO_POW_31 && x < TWO_POW_31)) {
            return Integer.MIN_VALUE;
        }
        float a = Math.abs(x);
        if (a >= TWO_POW_23) {
            return (int) x;
        }
        int t = (int) a;
        if (a - t >= 0.5f) {
            t++;
        }
        return x < 0 ? -t : t;
    }
}
