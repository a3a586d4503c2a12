package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * CONV_2D prepare, as TFLM's {@code ConvPrepare} / {@code CalculateOpDataConv}
 * ({@code micro/kernels/conv_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424):
 * int8 input/filter/output, optional int32 bias, filter OHWI whose input depth divides the input
 * depth (grouped convolution), output channels = filter dimension 0 (a multiple of the groups).
 * Writes {@code dev.tinyj.runtime.kernels.Conv2D}'s params.
 */
public final class Conv2DPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ConvWindowPrepare.requireOperands(ctx);
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
        return ConvWindowPrepare.prepare(ctx, filter.dim(1), filter.dim(2), outD, filterInD);
    }
}
