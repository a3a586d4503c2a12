package dev.tinyj.emulator.toolchain.prepare;

/**
 * The float32 output clamp of a fused activation, as TFLM's {@code CalculateActivationRange}
 * ({@code tensorflow/lite/kernels/kernel_util.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) computes it for float kernels: RELU [0, FLT_MAX], RELU6
 * [0, 6], RELU_N1_TO_1 [−1, 1], NONE [−FLT_MAX, FLT_MAX] ({@code lowest()}, {@code max()}: so
 * ±∞ comes out as ±FLT_MAX, as in TFLM). TFLM treats any other activation (TANH, SIGN_BIT) as NONE
 * there; TinyJ refuses it, as the int8 kernels do, rather than silently drop it.
 *
 * @param min lowest output value
 * @param max highest output value
 */
public record FloatActivationRange(float min, float max) {
    /** The range of the op's {@code fused_activation_function}. */
    static FloatActivationRange of(OpContext ctx) throws PrepareException {
        int activation;
        try {
            activation = ctx.options().activation();
        } catch (PrepareException e) {
            throw new PrepareException(ctx.where() + ": " + e.getMessage());
        }
        return of(activation);
    }

    /**
     * @param activation an {@link ActivationRange} code (NONE, RELU, RELU_N1_TO_1, RELU6)
     * @throws PrepareException for another code
     */
    public static FloatActivationRange of(int activation) throws PrepareException {
        return switch (activation) {
            case ActivationRange.NONE -> new FloatActivationRange(-Float.MAX_VALUE, Float.MAX_VALUE);
            case ActivationRange.RELU -> new FloatActivationRange(0f, Float.MAX_VALUE);
            case ActivationRange.RELU6 -> new FloatActivationRange(0f, 6f);
            case ActivationRange.RELU_N1_TO_1 -> new FloatActivationRange(-1f, 1f);
            default -> throw new PrepareException("unsupported fused_activation_function " + activation);
        };
    }

    /** Sets the two float32 fields at {@code minAt} and {@code maxAt} of {@code block}. */
    ParamBlock writeTo(ParamBlock block, int minAt, int maxAt) {
        return block.setFloat(minAt, min).setFloat(maxAt, max);
    }
}
