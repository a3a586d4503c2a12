package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.ReduceMax;

/**
 * The prepare REDUCE_MAX and REDUCE_MIN share, as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/reduce_common.cc}
 * {@code PrepareMinMaxHelper}/{@code PrepareSimple} and the checks of {@code EvalMinMaxHelper}'s
 * int8 branch: two inputs, an int32 axis tensor, input and output int8 with equal scales (compared
 * as doubles) and equal zero points (TFLM checks these at eval; TinyJ refuses at prepare). The axis
 * list, output shape and kernel geometry are {@link ReduceAxes}'s. Both kernels
 * ({@link ReduceMax}, {@code ReduceMin}) take the parameter block written here, at
 * {@link ReduceMax}'s offsets.
 */
final class MinMaxReduction {
    private MinMaxReduction() {
    }

    /**
     * Checks operator {@code ctx} and writes its parameter block.
     *
     * @param op the operator's name in messages ({@code REDUCE_MAX})
     * @param what the reduction's name in messages ({@code max})
     */
    static PreparedOp prepare(OpContext ctx, String op, String what) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        TensorInfo output = ctx.output();
        int[] axes = ShapeOpChecks.constInt32(ctx, ctx.input(1), "axis");
        ShapeOpChecks.requireRankAtMost(ctx, input, ReduceAxes.MAX_DIMS, "input");
        if ((double) ShapeOpChecks.scale(input) != (double) ShapeOpChecks.scale(output)
                || ShapeOpChecks.zeroPoint(input) != ShapeOpChecks.zeroPoint(output)) {
            throw fail(ctx, "output " + output.describe() + " must have the quantization of input "
                    + input.describe() + " (scale " + ShapeOpChecks.scale(input) + ", zero point "
                    + ShapeOpChecks.zeroPoint(input) + "); TFLM's int8 " + op + " does not rescale");
        }
        ReduceAxes r = ReduceAxes.resolve(ctx, input, axes, ctx.options().bool("keep_dims", false), what);
        ParamBlock fields = ParamBlock.of(ReduceMax.P_SIZE)
                .set(ReduceMax.P_OUTPUTS, r.outputs())
                .set(ReduceMax.P_EMPTY, r.empty() ? 1 : 0);
        r.writeGroups(fields, ReduceMax.P_KEPT, ReduceMax.P_REDUCED);
        return new PreparedOp(fields.bytes(), r.outputShape(), 0);
    }
}
