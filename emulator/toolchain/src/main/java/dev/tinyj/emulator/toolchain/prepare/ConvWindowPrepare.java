package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.ConvWindow;
import dev.tinyj.runtime.kernels.ConvWindowFloat;

/**
 * The prepare steps CONV_2D and DEPTHWISE_CONV_2D share (TFLM {@code CalculateOpDataConv} in
 * {@code micro/kernels/conv_common.cc} and {@code CalculateOpDataDepthwiseConv} in
 * {@code micro/kernels/depthwise_conv_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): int8 types (or int16 activations, {@link ConvScheme}),
 * 4-D shapes, output size and padding
 * ({@link ConvGeometry}), per-channel multipliers ({@link ConvQuantization#perChannel}), the
 * activation clamp, the output shape check, and the {@link ConvWindow} params block; for the
 * float32 type variants the same {@link Window} with float32 operands, the float clamp and the
 * {@link ConvWindowFloat} block.
 *
 * <p>Output height and width, as in TFLM: the padding comes from the <em>inferred</em> output size
 * ({@code ComputePaddingHeightWidth} writes it to locals only), while the kernel loops over the
 * output tensor's <em>declared</em> height and width (TFLM micro never resizes the output). A model
 * whose declared spatial size differs is therefore run exactly as TFLM runs it (two of TFLM's own
 * conv tests do this: a dilated 2×2 filter and a 3×3 stride-2 VALID filter on a 32×32 input);
 * batch and channel mismatches are rejected (TFLM's {@code MatchingDim} checks).
 */
final class ConvWindowPrepare {
    private ConvWindowPrepare() {
    }

    /**
     * The int8 kernels' block ({@link ConvWindow}).
     *
     * @param filterH filter window height
     * @param filterW filter window width
     * @param outD output channels (the filter's quantized dimension)
     * @param channelParam CONV_2D: filter input depth; DEPTHWISE_CONV_2D: depth multiplier
     * @param scheme activation and bias types ({@link ConvScheme})
     */
    static PreparedOp prepare(OpContext ctx, int filterH, int filterW, int outD, int channelParam,
            ConvScheme scheme) throws PrepareException {
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        TensorInfo output = ctx.output();
        ConvScheme.Bias bias = scheme.bias(ctx, outD);
        Window win = Window.of(ctx, filterH, filterW, outD);
        ConvQuantization q = ConvQuantization.perChannel(ctx, input, filter, output, outD);
        if (bias.acc64()) {
            q.requireInt64Shifts(ctx);
        }
        ActivationRange act = ConvQuantization.activation(ctx, output);
        ParamBlock block = win.writeTo(ParamBlock.of(ConvWindow.P_MULTIPLIERS + q.bytes() - 8))
                .set(ConvWindow.P_INPUT_OFFSET, -input.quantization().zeroPoint0())
                .set(ConvWindow.P_OUTPUT_OFFSET, output.quantization().zeroPoint0())
                .set(ConvWindow.P_ACT_MIN, act.min()).set(ConvWindow.P_ACT_MAX, act.max())
                .set(ConvWindow.P_HAS_BIAS, bias.word())
                .set(ConvWindow.P_CHANNEL_PARAM, channelParam);
        q.writeTo(block, ConvWindow.P_QUANT_COUNT, ConvWindow.P_QUANT_STEP, ConvWindow.P_MULTIPLIERS);
        return new PreparedOp(block.bytes(), win.outShape(), 0);
    }

    /**
     * The float32 variants' block ({@link ConvWindowFloat}): the same window geometry, the float
     * activation clamp ({@link FloatActivationRange}), an optional float32 bias.
     *
     * @param channelParam CONV_2D: filter input depth; DEPTHWISE_CONV_2D: depth multiplier
     */
    static PreparedOp prepareFloat(OpContext ctx, int filterH, int filterW, int outD, int channelParam)
            throws PrepareException {
        TensorInfo bias = FloatOperand.bias(ctx, outD);
        Window win = Window.of(ctx, filterH, filterW, outD);
        FloatActivationRange act = FloatActivationRange.of(ctx);
        ParamBlock block = act.writeTo(win.writeTo(ParamBlock.of(ConvWindowFloat.P_SIZE)),
                        ConvWindowFloat.P_ACT_MIN, ConvWindowFloat.P_ACT_MAX)
                .set(ConvWindowFloat.P_HAS_BIAS, bias != null ? 1 : 0)
                .set(ConvWindowFloat.P_CHANNEL_PARAM, channelParam);
        return new PreparedOp(block.bytes(), win.outShape(), 0);
    }

    /**
     * The window geometry both kernel families share ({@link ConvWindow}'s fields 0 to 56).
     *
     * @param input the input tensor
     * @param output the output tensor (its declared height and width are looped over)
     * @param filterH filter window height
     * @param filterW filter window width
     * @param outD output channels
     * @param strideH vertical stride
     * @param strideW horizontal stride
     * @param dilationH vertical dilation
     * @param dilationW horizontal dilation
     * @param h the vertical output size and padding ({@link ConvGeometry})
     * @param w the horizontal output size and padding
     */
    record Window(TensorInfo input, TensorInfo output, int filterH, int filterW, int outD, int strideH,
            int strideW, int dilationH, int dilationW, ConvGeometry h, ConvGeometry w) {

        /** Options, output size and padding; refuses bad windows and a batch or channel mismatch. */
        static Window of(OpContext ctx, int filterH, int filterW, int outD) throws PrepareException {
            TensorInfo input = ctx.input(0);
            TensorInfo output = ctx.output();
            String where = ctx.where();
            boolean same = ConvGeometry.isSame(ctx);
            OpOptions o = ctx.options();
            int strideH = o.integer("stride_h", 0);
            int strideW = o.integer("stride_w", 0);
            int dilationH = o.integer("dilation_h_factor", 1);
            int dilationW = o.integer("dilation_w_factor", 1);
            ConvGeometry h = ConvGeometry.of(where, "height", same, input.dim(1), filterH, strideH, dilationH);
            ConvGeometry w = ConvGeometry.of(where, "width", same, input.dim(2), filterW, strideW, dilationW);
            if (output.dim(0) != input.dim(0) || output.dim(3) != outD) {
                ConvQuantization.requireShape(ctx, new int[] {input.dim(0), h.out(), w.out(), outD});
            }
            return new Window(input, output, filterH, filterW, outD, strideH, strideW, dilationH, dilationW, h, w);
        }

        /** The output shape the kernel writes: batches, the declared height and width, output channels. */
        int[] outShape() {
            return new int[] {input.dim(0), output.dim(1), output.dim(2), outD};
        }

        /** Sets the geometry fields ({@link ConvWindow#P_BATCHES} to {@link ConvWindow#P_PAD_W}). */
        ParamBlock writeTo(ParamBlock block) {
            return block.set(ConvWindow.P_BATCHES, input.dim(0)).set(ConvWindow.P_IN_H, input.dim(1))
                    .set(ConvWindow.P_IN_W, input.dim(2)).set(ConvWindow.P_IN_D, input.dim(3))
                    .set(ConvWindow.P_FILTER_H, filterH).set(ConvWindow.P_FILTER_W, filterW)
                    .set(ConvWindow.P_OUT_H, output.dim(1)).set(ConvWindow.P_OUT_W, output.dim(2))
                    .set(ConvWindow.P_OUT_D, outD)
                    .set(ConvWindow.P_STRIDE_H, strideH).set(ConvWindow.P_STRIDE_W, strideW)
                    .set(ConvWindow.P_DILATION_H, dilationH).set(ConvWindow.P_DILATION_W, dilationW)
                    .set(ConvWindow.P_PAD_H, h.padding()).set(ConvWindow.P_PAD_W, w.padding());
        }
    }

    /** Checks the input and output of {@code scheme}'s type and the int8 filter are there with rank 4. */
    static void requireOperands(OpContext ctx, ConvScheme scheme) throws PrepareException {
        requireCount(ctx);
        ConvQuantization.requireQuantized(ctx, ctx.input(0), "input", scheme.activations());
        ConvQuantization.requireInt8(ctx, ctx.input(1), "filter");
        ConvQuantization.requireQuantized(ctx, ctx.output(), "output", scheme.activations());
        requireRank4(ctx);
    }

    /** Checks the float32 input, filter and output are there with rank 4. */
    static void requireFloatOperands(OpContext ctx) throws PrepareException {
        requireCount(ctx);
        FloatOperand.require(ctx, ctx.input(0), "input");
        FloatOperand.require(ctx, ctx.input(1), "filter");
        FloatOperand.require(ctx, ctx.output(), "output");
        requireRank4(ctx);
    }

    private static void requireCount(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() < 2 || ctx.inputs().size() > 3) {
            throw new PrepareException(ctx.where() + ": expected 2 or 3 inputs (input, filter[, bias]), got "
                    + ctx.inputs().size());
        }
    }

    private static void requireRank4(OpContext ctx) throws PrepareException {
        for (TensorInfo t : new TensorInfo[] {ctx.input(0), ctx.input(1), ctx.output()}) {
            if (t.shape().length != 4) {
                throw new PrepareException(ctx.where() + ": " + t.describe() + " must have rank 4");
            }
        }
    }
}
