package dev.tinyj.emulator.toolchain.prepare;

/**
 * The int8 or int16 output clamp of a fused activation, as TFLM's
 * {@code CalculateActivationRangeQuantized} computes it
 * ({@code tensorflow/lite/kernels/kernel_util.cc}): quantize(f) = zero_point +
 * round(f / scale) in float32, ties away from zero, then intersect with the output type's range
 * ([−128, 127] or [−32768, 32767]).
 *
 * @param min lowest output value
 * @param max highest output value
 */
public record ActivationRange(int min, int max) {
    /** TFLite {@code ActivationFunctionType} values (schema.fbs). */
    public static final int NONE = 0;
    public static final int RELU = 1;
    public static final int RELU_N1_TO_1 = 2;
    public static final int RELU6 = 3;

    /**
     * @param activation {@link #NONE}, {@code RELU}, {@code RELU_N1_TO_1} or
     *     {@code RELU6}
     * @param scale output scale
     * @param zeroPoint output zero point
     * @throws PrepareException for another activation (e.g. TANH, SIGN_BIT as fused activation)
     */
    public static ActivationRange int8(int activation, float scale, int zeroPoint) throws PrepareException {
        return of(activation, scale, zeroPoint, -128, 127);
    }

    /** As {@link #int8}, intersected with int16's [−32768, 32767] (TFLM's qmin/qmax for an int16 output). */
    public static ActivationRange int16(int activation, float scale, int zeroPoint) throws PrepareException {
        return of(activation, scale, zeroPoint, -32768, 32767);
    }

    private static ActivationRange of(int activation, float scale, int zeroPoint, int qmin, int qmax)
            throws PrepareException {
        return switch (activation) {
            case NONE -> new ActivationRange(qmin, qmax);
            case RELU -> new ActivationRange(Math.max(qmin, quantize(0f, scale, zeroPoint)), qmax);
            case RELU6 -> new ActivationRange(Math.max(qmin, quantize(0f, scale, zeroPoint)),
                    Math.min(qmax, quantize(6f, scale, zeroPoint)));
            case RELU_N1_TO_1 -> new ActivationRange(Math.max(qmin, quantize(-1f, scale, zeroPoint)),
                    Math.min(qmax, quantize(1f, scale, zeroPoint)));
            default -> throw new PrepareException("unsupported fused_activation_function " + activation);
        };
    }

    /**
     * TFLM's {@code Quantize} in kernel_util.cc: {@code roundf(f / scale)} in float, refused
     * (prepare fails) when NaN or outside the int32 range as a float compares it; the cast of
     * exactly 2^31 gives {@code 0x80000000} as on x86-64, and the zero point is added with wrap.
     */
    private static int quantize(float f, float scale, int zeroPoint) throws PrepareException {
        float q = f / scale;
        float a = Math.abs(q);
        float t = (float) Math.floor(a);
        if (a - t >= 0.5f) {
            t += 1;
        }
        float tmp = Math.copySign(t, q);
        if (!(tmp >= (float) Integer.MIN_VALUE && tmp <= (float) Integer.MAX_VALUE)) {
            throw new PrepareException("fused activation range: " + f + " / output scale " + scale
                    + " does not fit int32 (TFLM's CalculateActivationRangeQuantized refuses it)");
        }
        int cast = tmp >= 0x1p31f ? Integer.MIN_VALUE : (int) tmp;
        return zeroPoint + cast;
    }

    /** Activation code of a TFLite {@code ActivationFunctionType} name (NONE, RELU, RELU_N1_TO_1, RELU6). */
    public static int code(String name) throws PrepareException {
        return switch (name) {
            case "NONE" -> NONE;
            case "RELU" -> RELU;
            case "RELU_N1_TO_1" -> RELU_N1_TO_1;
            case "RELU6" -> RELU6;
            default -> throw new PrepareException("unsupported fused_activation_function " + name);
        };
    }
}
