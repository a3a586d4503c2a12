package dev.tinyj.emulator.toolchain.prepare;

/** Prepare of MAX_POOL_2D (kernel {@code dev.tinyj.runtime.kernels.MaxPool2D}); see {@link PoolingPrepare}. */
public final class MaxPool2DPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepare(ctx, false);
    }
}
