package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Type checks and requantization parameters of the convolution family (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED; int8, and int16 per {@link ConvScheme}), pinned to tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424:
 *
 * <ul>
 * <li>{@link #perChannel}: {@code PopulateConvolutionQuantizationParams}
 *     ({@code tensorflow/lite/kernels/kernel_util.cc}) and the per-channel branch of
 *     {@code CalculateOpDataFullyConnected}: for each channel,
 *     {@code effective = (double) input_scale × (double) filter_scale[c] / (double) output_scale},
 *     two double operations in that order, then {@code QuantizeMultiplier}; a single filter scale is
 *     broadcast to every channel;</li>
 * <li>{@link #fullyConnectedPerTensor}: {@code GetQuantizedConvolutionMultipler}: the product
 *     {@code input_scale × filter_scale} is taken in <em>float</em> and only then widened, divided
 *     by the output scale in double. With a bias, its scale must be within
 *     {@code 0.02 × output_scale} of the (double) product.</li>
 * </ul>
 *
 * The multipliers go to the params block as {@code count} multipliers then {@code count} shifts
 * ({@code dev.tinyj.runtime.kernels.ConvRequantize}).
 *
 * @param multipliers Q31 multipliers, one per entry
 * @param shifts shifts (positive: left), one per entry
 * @param step 1 when there is one entry per output channel, 0 for one shared entry
 */
public record ConvQuantization(int[] multipliers, int[] shifts, int step) {

    /** Bytes {@link #writeTo} writes: count, step, multipliers[], shifts[]. */
    public int bytes() {
        return 8 + 8 * multipliers.length;
    }

    /**
     * Sets count at {@code countAt}, step at {@code stepAt}, then multipliers[] and shifts[] from
     * {@code multipliersAt} (the kernel's {@code P_QUANT_COUNT}, {@code P_QUANT_STEP},
     * {@code P_MULTIPLIERS}).
     */
    public void writeTo(ParamBlock block, int countAt, int stepAt, int multipliersAt) {
        block.set(countAt, multipliers.length).set(stepAt, step).setAll(multipliersAt, multipliers)
                .setAll(multipliersAt + 4 * multipliers.length, shifts);
    }

    /**
     * Per-channel multipliers for {@code channels} output channels.
     *
     * @throws PrepareException when the filter has several scales and their count is not
     *     {@code channels} or the size of the filter's quantized dimension
     */
    public static ConvQuantization perChannel(OpContext ctx, TensorInfo input, TensorInfo filter, TensorInfo output,
            int channels) throws PrepareException {
        Quantization fq = filter.quantization();
        boolean perChannel = fq.scale().length > 1;
        if (perChannel && (fq.scale().length != channels || fq.quantizedDimension() >= filter.shape().length
                || filter.dim(fq.quantizedDimension()) != channels)) {
            throw new PrepareException(ctx.where() + ": " + filter.describe() + " has " + fq.scale().length
                    + " scales on dimension " + fq.quantizedDimension() + ", expected one per output channel ("
                    + channels + ")");
        }
        float inputScale = input.quantization().scale0();
        float outputScale = output.quantization().scale0();
        if (!perChannel) {
            QuantizedMultiplier m = QuantizedMultiplier.of(effectiveScale(inputScale, fq.scale0(), outputScale));
            return new ConvQuantization(new int[] {m.multiplier()}, new int[] {m.shift()}, 0);
        }
        int[] mult = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            QuantizedMultiplier m = QuantizedMultiplier.of(effectiveScale(inputScale, fq.scale()[c], outputScale));
            mult[c] = m.multiplier();
            shift[c] = m.shift();
        }
        return new ConvQuantization(mult, shift, 1);
    }

    /** {@code (double) input_scale * (double) filter_scale / (double) output_scale}, left to right. */
    public static double effectiveScale(float inputScale, float filterScale, float outputScale) {
        return (double) inputScale * (double) filterScale / (double) outputScale;
    }

    /**
     * The single multiplier of a per-tensor FULLY_CONNECTED layer.
     *
     * @throws PrepareException for a negative scale product or a bias scale too far from it
     */
    public static ConvQuantization fullyConnectedPerTensor(OpContext ctx, TensorInfo input, TensorInfo filter,
            TensorInfo bias, TensorInfo output) throws PrepareException {
        float inputScale = input.quantization().scale0();
        float filterScale = filter.quantization().scale0();
        double outputScale = output.quantization().scale0();
        if (bias != null && bias.quantization() != null) {
            double product = (double) inputScale * (double) filterScale;
            double diff = Math.abs(product - (double) bias.quantization().scale0());
            if (!(diff / outputScale <= 0.02)) {
                throw new PrepareException(ctx.where() + ": bias scale of " + bias.describe()
                        + " differs from input scale × filter scale by more than 0.02 × output scale");
            }
        }
        double productF = (double) (inputScale * filterScale);
        if (!(productF >= 0)) {
            throw new PrepareException(ctx.where() + ": input scale × filter scale is negative");
        }
        QuantizedMultiplier m = QuantizedMultiplier.of(productF / outputScale);
        return new ConvQuantization(new int[] {m.multiplier()}, new int[] {m.shift()}, 0);
    }

    /** Checks {@code t} is int8 with affine quantization. */
    public static void requireInt8(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        requireQuantized(ctx, t, role, DType.INT8);
    }

    /** Checks {@code t} is of {@code type} (int8 or int16) with affine quantization. */
    static void requireQuantized(OpContext ctx, TensorInfo t, String role, DType type) throws PrepareException {
        if (t.type() != type) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, type.label());
        }
        if (t.quantization() == null || t.quantization().scale().length == 0) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (" + role
                    + ") needs affine quantization (scale, zero point)");
        }
    }

    /**
     * The optional bias (operand 2): null when absent; else int32 with {@code channels} elements.
     */
    public static TensorInfo bias(OpContext ctx, int channels) throws PrepareException {
        return bias(ctx, channels, java.util.Set.of(DType.INT32), "int32");
    }

    /**
     * The optional bias (operand 2): null when absent; else of one of {@code types} (named
     * {@code label} in the refusal) with {@code channels} elements.
     */
    static TensorInfo bias(OpContext ctx, int channels, java.util.Set<DType> types, String label)
            throws PrepareException {
        if (ctx.inputs().size() < 3 || ctx.input(2) == null) {
            return null;
        }
        TensorInfo bias = ctx.input(2);
        if (!types.contains(bias.type())) {
            throw PrepareException.unsupportedType(ctx.where(), bias, "bias", label);
        }
        if (bias.flatSize() != channels) {
            throw new PrepareException(ctx.where() + ": " + bias.describe() + " (bias) needs " + channels
                    + " elements, one per output channel");
        }
        return bias;
    }

    /**
     * The fused activation clamp of the output, within int16's range for an int16 output and
     * int8's otherwise (TFLM's {@code CalculateActivationRangeQuantized} picks qmin/qmax by the
     * output type).
     */
    public static ActivationRange activation(OpContext ctx, TensorInfo output) throws PrepareException {
        try {
            return output.type() == DType.INT16
                    ? ActivationRange.int16(ctx.options().activation(), output.quantization().scale0(),
                            output.quantization().zeroPoint0())
                    : ActivationRange.int8(ctx.options().activation(), output.quantization().scale0(),
                            output.quantization().zeroPoint0());
        } catch (PrepareException e) {
            throw new PrepareException(ctx.where() + ": " + e.getMessage());
        }
    }

    /**
     * Refuses a shift above 14, where TFLM's 64-bit {@code MultiplyByQuantizedMultiplier} (the
     * 16x8 kernels') would shift by a negative amount (it asserts −31..7; 8..14 compute as
     * written).
     */
    public void requireInt64Shifts(OpContext ctx) throws PrepareException {
        for (int s : shifts) {
            if (s > 14) {
                throw new PrepareException(ctx.where() + ": effective output scale 2^" + (s - 1)
                        + " or more is outside what the 64-bit requantization computes (shift " + s + " > 14)");
            }
        }
    }

    /** Checks the declared output shape equals the inferred one. */
    public static void requireShape(OpContext ctx, int[] inferred) throws PrepareException {
        if (!java.util.Arrays.equals(ctx.output().shape(), inferred)) {
            throw new PrepareException(ctx.where() + ": " + ctx.output().describe() + " (output) disagrees with the "
                    + "inferred shape " + java.util.Arrays.toString(inferred).replace(" ", ""));
        }
    }
}
