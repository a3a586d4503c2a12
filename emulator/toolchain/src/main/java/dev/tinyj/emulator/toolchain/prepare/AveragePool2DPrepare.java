package dev.tinyj.emulator.toolchain.prepare;

/** Prepare of AVERAGE_POOL_2D (kernel {@code dev.tinyj.runtime.kernels.AveragePool2D}); see {@link PoolingPrepare}. */
public final class AveragePool2DPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepare(ctx, true);
    }
}
