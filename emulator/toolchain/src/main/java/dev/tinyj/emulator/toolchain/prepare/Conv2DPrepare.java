package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Conv2D;

/**
 * CONV_2D prepare, as TFLM's {@code ConvPrepare} / {@code CalculateOpDataConv}
 * ({@code micro/kernels/conv_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424):
 * int8 input/filter/output, optional int32 bias, filter OHWI whose input depth divides the input
 * depth (grouped convolution), output channels = filter dimension 0 (a multiple of the groups).
 * Writes {@code dev.tinyj.runtime.kernels.Conv2D}'s params.
 */
public final class Conv2DPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("CONV_2D", 3, Bridge.eval(Conv2D.class, 0, 1, 2),
                    "int8, per-tensor and per-channel; stride, dilation, SAME/VALID, grouped; optional bias")
            .withOptions("Conv2DOptions", OptionField.of(0, "padding", Kind.PADDING, "SAME"),
                    OptionField.of(1, "stride_w", Kind.INT, "0"), OptionField.of(2, "stride_h", Kind.INT, "0"),
                    OptionField.activation(3), OptionField.of(4, "dilation_w_factor", Kind.INT, "1"),
                    OptionField.of(5, "dilation_h_factor", Kind.INT, "1"),
                    OptionField.of(6, "quantized_bias_type", Kind.TENSOR_TYPE, "FLOAT32"))
            .withOperands(Operands.of(2, 3, 2).optional(2)).withInPlace(InPlaceKind.WINDOW_CONV)
            .withMacs((in, out, o) -> out.flatSize() * in.get(1).dim(1) * in.get(1).dim(2) * in.get(1).dim(3));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return prepare(ctx, ConvScheme.INT8);
    }

    /** The CONV_2D checks and parameters for the activations and bias of {@code scheme}. */
    static PreparedOp prepare(OpContext ctx, ConvScheme scheme) throws PrepareException {
        ConvWindowPrepare.requireOperands(ctx, scheme);
        TensorInfo filter = ctx.input(1);
        int filterInD = groupedFilterDepth(ctx);
        return ConvWindowPrepare.prepare(ctx, filter.dim(1), filter.dim(2), filter.dim(0), filterInD, scheme);
    }

    /**
     * The filter's input depth (OHWI dimension 3) once it divides the input depth into groups that
     * divide the output channels (filter dimension 0); shared by the float32 variant.
     */
    static int groupedFilterDepth(OpContext ctx) throws PrepareException {
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        int inD = input.dim(3);
        int filterInD = filter.dim(3);
        int outD = filter.dim(0);
        if (filterInD <= 0 || inD % filterInD != 0 || outD % (inD / filterInD) != 0) {
            throw new PrepareException(ctx.where() + ": " + filter.describe() + " (filter) input depth " + filterInD
                    + " does not divide " + input.describe() + " (input) depth " + inD + " into groups of the "
                    + outD + " output channels");
        }
        return filterInD;
    }
}
