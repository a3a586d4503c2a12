package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * DEPTHWISE_CONV_2D prepare, as TFLM's {@code DepthwiseConvPrepare} /
 * {@code CalculateOpDataDepthwiseConv} ({@code micro/kernels/depthwise_conv_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): int8 input/filter/output, optional int32 bias, filter
 * 1HWO with O = input depth × {@code depth_multiplier} (TFLM's kernel DCHECKs this; here it is a
 * prepare error). Writes {@code dev.tinyj.runtime.kernels.DepthwiseConv2D}'s params.
 */
public final class DepthwiseConv2DPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ConvWindowPrepare.requireOperands(ctx);
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        int depthMultiplier = ctx.options().integer("depth_multiplier", 0);
        int outD = filter.dim(3);
        if (filter.dim(0) != 1 || depthMultiplier <= 0 || outD != input.dim(3) * depthMultiplier) {
            throw new PrepareException(ctx.where() + ": " + filter.describe() + " (filter) must be [1, h, w, "
                    + "input depth × depth_multiplier] with " + input.describe() + " (input) and depth_multiplier "
                    + depthMultiplier);
        }
        return ConvWindowPrepare.prepare(ctx, filter.dim(1), filter.dim(2), outD, depthMultiplier);
    }
}
