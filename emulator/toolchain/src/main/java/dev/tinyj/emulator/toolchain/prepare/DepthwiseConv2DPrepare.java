package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;

/**
 * DEPTHWISE_CONV_2D prepare, as TFLM's {@code DepthwiseConvPrepare} /
 * {@code CalculateOpDataDepthwiseConv} ({@code micro/kernels/depthwise_conv_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): int8 input/filter/output, optional int32 bias, filter
 * 1HWO with O = input depth × {@code depth_multiplier} (TFLM's kernel DCHECKs this; here it is a
 * prepare error). Writes {@code dev.tinyj.runtime.kernels.DepthwiseConv2D}'s params.
 */
public final class DepthwiseConv2DPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("DEPTHWISE_CONV_2D", 4, Bridge.eval(DepthwiseConv2D.class, 0, 1, 2),
                    "int8, per-tensor and per-channel; depth multiplier, dilation; optional bias")
            .withOptions("DepthwiseConv2DOptions", OptionField.of(0, "padding", Kind.PADDING, "SAME"),
                    OptionField.of(1, "stride_w", Kind.INT, "0"), OptionField.of(2, "stride_h", Kind.INT, "0"),
                    OptionField.of(3, "depth_multiplier", Kind.INT, "0"), OptionField.activation(4),
                    OptionField.of(5, "dilation_w_factor", Kind.INT, "1"),
                    OptionField.of(6, "dilation_h_factor", Kind.INT, "1"))
            .withOperands(Operands.of(2, 3, 2).optional(2)).withInPlace(InPlaceKind.WINDOW_DEPTHWISE)
            .withMacs((in, out, o) -> out.flatSize() * in.get(1).dim(1) * in.get(1).dim(2));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return prepare(ctx, ConvScheme.INT8);
    }

    /** The DEPTHWISE_CONV_2D checks and parameters for the activations and bias of {@code scheme}. */
    static PreparedOp prepare(OpContext ctx, ConvScheme scheme) throws PrepareException {
        ConvWindowPrepare.requireOperands(ctx, scheme);
        TensorInfo filter = ctx.input(1);
        int depthMultiplier = depthMultiplier(ctx);
        return ConvWindowPrepare.prepare(ctx, filter.dim(1), filter.dim(2), filter.dim(3), depthMultiplier, scheme);
    }

    /**
     * The {@code depth_multiplier} option once the filter is {@code [1, h, w, input depth × it]};
     * shared by the float32 variant.
     */
    static int depthMultiplier(OpContext ctx) throws PrepareException {
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        int depthMultiplier = ctx.options().integer("depth_multiplier", 0);
        int outD = filter.dim(3);
        if (filter.dim(0) != 1 || depthMultiplier <= 0 || outD != input.dim(3) * depthMultiplier) {
            throw new PrepareException(ctx.where() + ": " + filter.describe() + " (filter) must be [1, h, w, "
                    + "input depth × depth_multiplier] with " + input.describe() + " (input) and depth_multiplier "
                    + depthMultiplier);
        }
        return depthMultiplier;
    }
}
