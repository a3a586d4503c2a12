package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.MaxPool2DInt16;
import java.util.Map;

/**
 * MAX_POOL_2D's int16 variant (kernel {@code dev.tinyj.runtime.kernels.MaxPool2DInt16}); prepared
 * by {@link PoolingPrepare} with int16 activations, as TFLM's {@code PoolingPrepare} (tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, {@code micro/kernels/pooling_common.cc}) treats int8
 * and int16 alike.
 */
public final class MaxPool2DInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new MaxPool2DPrepare().spec(),
            Bridge.eval(MaxPool2DInt16.class, 0), "int16", Map.of());

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepare(ctx, false, DType.INT16);
    }
}
