package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Conv2DFloat;

/**
 * CONV_2D, float32 type variant: TFLM's {@code ConvPrepare} / {@code CalculateOpDataConv}
 * ({@code micro/kernels/conv_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424)
 * for {@code kTfLiteFloat32}: float32 input, filter (OHWI), output and optional bias; the same
 * groups, window geometry and output shape checks as the int8 {@link Conv2DPrepare}
 * ({@link ConvWindowPrepare}); the clamp of {@code ConvParamsFloat} ({@link FloatActivationRange}).
 * Writes {@link Conv2DFloat}'s params.
 */
public final class Conv2DFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new Conv2DPrepare().spec(), Conv2DFloat.class,
            "bit-exact, TFLM's float order; stride, dilation, SAME/VALID, grouped; optional bias");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ConvWindowPrepare.requireFloatOperands(ctx);
        TensorInfo filter = ctx.input(1);
        int filterInD = Conv2DPrepare.groupedFilterDepth(ctx);
        return ConvWindowPrepare.prepareFloat(ctx, filter.dim(1), filter.dim(2), filter.dim(0), filterInD);
    }
}
