package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.DepthwiseConv2DFloat;

/**
 * DEPTHWISE_CONV_2D, float32 type variant: TFLM's {@code DepthwiseConvPrepare} /
 * {@code CalculateOpDataDepthwiseConv} ({@code micro/kernels/depthwise_conv_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) for {@code kTfLiteFloat32}: float32 input, filter
 * (1HWO), output and optional bias; the same depth multiplier, window geometry and output shape
 * checks as the int8 {@link DepthwiseConv2DPrepare} ({@link ConvWindowPrepare}); the clamp of
 * {@code DepthwiseConvParamsFloat}. Writes {@link DepthwiseConv2DFloat}'s params.
 */
public final class DepthwiseConv2DFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new DepthwiseConv2DPrepare().spec(),
            DepthwiseConv2DFloat.class, "bit-exact, TFLM's float order; depth multiplier, dilation; "
                    + "optional bias");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ConvWindowPrepare.requireFloatOperands(ctx);
        TensorInfo filter = ctx.input(1);
        int depthMultiplier = DepthwiseConv2DPrepare.depthMultiplier(ctx);
        return ConvWindowPrepare.prepareFloat(ctx, filter.dim(1), filter.dim(2), filter.dim(3), depthMultiplier);
    }
}
