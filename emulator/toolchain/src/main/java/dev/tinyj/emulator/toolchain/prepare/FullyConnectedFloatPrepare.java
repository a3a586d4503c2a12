package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.FullyConnectedFloat;

/**
 * FULLY_CONNECTED, float32 type variant: TFLM's {@code FullyConnectedPrepare} /
 * {@code CalculateOpDataFullyConnected} ({@code micro/kernels/fully_connected.cc},
 * {@code fully_connected_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424) for
 * {@code kTfLiteFloat32}: float32 input, filter [units, depth], output and optional bias; the same
 * rows and output shape as the int8 {@link FullyConnectedPrepare} ({@link FullyConnectedPrepare.Rows});
 * the clamp of {@code FullyConnectedParamsFloat}. Writes {@link FullyConnectedFloat}'s params.
 */
public final class FullyConnectedFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new FullyConnectedPrepare().spec(), FullyConnectedFloat.class,
            "bit-exact, TFLM's float order; optional bias; keep_num_dims");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        FullyConnectedPrepare.requireCount(ctx);
        FloatOperand.require(ctx, ctx.input(0), "input");
        FloatOperand.require(ctx, ctx.input(1), "filter");
        FloatOperand.require(ctx, ctx.output(), "output");
        FullyConnectedPrepare.Rows rows = FullyConnectedPrepare.Rows.of(ctx);
        TensorInfo bias = FloatOperand.bias(ctx, rows.units());
        FloatActivationRange act = FloatActivationRange.of(ctx);
        ParamBlock block = act.writeTo(ParamBlock.of(FullyConnectedFloat.P_SIZE), FullyConnectedFloat.P_ACT_MIN,
                        FullyConnectedFloat.P_ACT_MAX)
                .set(FullyConnectedFloat.P_BATCHES, rows.rows()).set(FullyConnectedFloat.P_ACCUM_DEPTH, rows.depth())
                .set(FullyConnectedFloat.P_OUT_D, rows.units())
                .set(FullyConnectedFloat.P_HAS_BIAS, bias != null ? 1 : 0);
        return new PreparedOp(block.bytes(), rows.outShape(), 0);
    }
}
