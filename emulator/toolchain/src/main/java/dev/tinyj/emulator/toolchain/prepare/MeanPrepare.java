package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Mean;

/**
 * MEAN prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/reduce_common.cc} {@code PrepareMeanOrSumHelper}/{@code PrepareSimple}:
 * two inputs, an int32 axis tensor, and for int8 {@code QuantizeMultiplier((double) input_scale /
 * (double) output_scale)}. The axis list, N (the element count per output), the output shape and
 * the kernel's groups are {@link ReduceAxes}'s, shared with REDUCE_MAX.
 *
 * <p>TinyJ requires a constant axis tensor (it folds it into the geometry) and inputs of at most 6
 * dims. TFLM never checks the output shape; TinyJ checks that the output has as many elements as
 * the reduction gives and reports TFLite's inferred shape (reduced dims kept as 1 with keep_dims,
 * else removed). TFLM's own test {@code MeanInt83DKeepDims} declares [1,2] where keep_dims gives
 * [2,1,1]: same elements, same bytes.
 */
public final class MeanPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("MEAN", 40, Bridge.eval(Mean.class, 0),
                    "int8; QuantizedMeanOrSum, 1/N folded into the multiplier; keep_dims; axis folded")
            .withOptions("ReducerOptions", OptionField.of(0, "keep_dims", Kind.BOOL, "false"))
            .withOperands(Operands.of(1, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 2);
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        ShapeOpChecks.requireInt8(ctx, input, "input");
        ShapeOpChecks.requireInt8(ctx, output, "output");
        int[] axes = ShapeOpChecks.constInt32(ctx, ctx.input(1), "axis");
        ShapeOpChecks.requireRankAtMost(ctx, input, ReduceAxes.MAX_DIMS, "input");
        QuantizedMultiplier qm = QuantizedMultiplier.of(
                (double) ShapeOpChecks.scale(input) / (double) ShapeOpChecks.scale(output));
        ReduceAxes r = ReduceAxes.resolve(ctx, input, axes, ctx.options().bool("keep_dims", false), "mean");
        ParamBlock fields = ParamBlock.of(Mean.P_SIZE);
        fields.set(Mean.P_INPUT_ZP, ShapeOpChecks.zeroPoint(input));
        fields.set(Mean.P_OUTPUT_ZP, ShapeOpChecks.zeroPoint(output));
        fields.set(Mean.P_MULTIPLIER, qm.multiplier());
        fields.set(Mean.P_SHIFT, qm.shift());
        fields.set(Mean.P_COUNT, r.count());
        fields.set(Mean.P_EMPTY, r.empty() || r.count() == 0 ? 1 : 0);
        fields.set(Mean.P_OUTPUTS, r.outputs());
        r.writeGroups(fields, Mean.P_KEPT, Mean.P_REDUCED);
        return new PreparedOp(fields.bytes(), r.outputShape(), 0);
    }
}
