package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.MaxPool2DFloat;

/**
 * MAX_POOL_2D, float32 type variant (kernel {@link MaxPool2DFloat}): TFLM's {@code PoolingPrepare}
 * ({@code micro/kernels/pooling_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424)
 * for {@code kTfLiteFloat32}; see {@link PoolingPrepare#prepareFloat}.
 */
public final class MaxPool2DFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new MaxPool2DPrepare().spec(), MaxPool2DFloat.class,
            "bit-exact; NaN cells skipped as std::max skips them");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepareFloat(ctx);
    }
}
