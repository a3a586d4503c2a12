package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ReduceMax;

/**
 * REDUCE_MAX prepare (int8; kernel {@link ReduceMax}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/reduce_common.cc}
 * {@code PrepareMinMaxHelper}/{@code PrepareSimple} and the checks of {@code EvalMinMaxHelper}'s
 * int8 branch: two inputs, an int32 axis tensor, input and output of one type with equal scales
 * (compared as doubles) and equal zero points (TFLM checks these at eval; TinyJ refuses at
 * prepare). The axis list, output shape and kernel geometry are {@link ReduceAxes}'s, shared with
 * MEAN: keep_dims both ways, negative and repeated axes, an empty axis list (a copy).
 *
 * <p>Refused beyond TFLM: a non-constant axis tensor (folded into the geometry), inputs of more
 * than 6 dims, a declared output whose element count is not the reduction's. float32 (which TFLM
 * also runs) is refused as an unsupported type, as is int16 (which TFLM does not run either).
 */
public final class ReduceMaxPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("REDUCE_MAX", 82, Bridge.eval(ReduceMax.class, 0),
                    "int8, up to 6-D; equal input and output quantization; keep_dims; axis folded")
            .withOptions("ReducerOptions", OptionField.of(0, "keep_dims", Kind.BOOL, "false"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        TensorInfo output = ctx.output();
        int[] axes = ShapeOpChecks.constInt32(ctx, ctx.input(1), "axis");
        ShapeOpChecks.requireRankAtMost(ctx, input, ReduceAxes.MAX_DIMS, "input");
        if ((double) ShapeOpChecks.scale(input) != (double) ShapeOpChecks.scale(output)
                || ShapeOpChecks.zeroPoint(input) != ShapeOpChecks.zeroPoint(output)) {
            throw fail(ctx, "output " + output.describe() + " must have the quantization of input "
                    + input.describe() + " (scale " + ShapeOpChecks.scale(input) + ", zero point "
                    + ShapeOpChecks.zeroPoint(input) + "); TFLM's int8 REDUCE_MAX does not rescale");
        }
        ReduceAxes r = ReduceAxes.resolve(ctx, input, axes, ctx.options().bool("keep_dims", false), "max");
        ParamBlock fields = ParamBlock.of(ReduceMax.P_SIZE)
                .set(ReduceMax.P_OUTPUTS, r.outputs())
                .set(ReduceMax.P_EMPTY, r.empty() ? 1 : 0);
        r.writeGroups(fields, ReduceMax.P_KEPT, ReduceMax.P_REDUCED);
        return new PreparedOp(fields.bytes(), r.outputShape(), 0);
    }
}
