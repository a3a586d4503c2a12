package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Mean;

/**
 * SUM prepare (int8), as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/reduce_common.cc} {@code PrepareMeanOrSumHelper}/{@code PrepareSimple} and
 * {@code EvalSumHelper}: two inputs, an int32 axis tensor, input and output of one type, and
 * {@code QuantizeMultiplier((double) input_scale / (double) output_scale)}. Its int8 eval is
 * {@code reference_ops::QuantizedMeanOrSum} with {@code compute_sum = true}: MEAN's arithmetic
 * without 1/N folded into the multiplier, so for each output
 * {@code clamp(MultiplyByQuantizedMultiplier(sum − input_zp·N, multiplier, shift) + output_zp)}
 * over the N input elements reduced into it (int32 sums, wrapping).
 *
 * <p>The kernel is MEAN's ({@link Mean}), given N = 1 in {@link Mean#P_COUNT} (which leaves the
 * multiplier and shift as they are: {@code floor(log2 1) = 0}) and the whole offset
 * {@code input_zp·N} (int32, wrapping as TFLM's int64 difference does when cast to int32) in
 * {@link Mean#P_INPUT_ZP}. The axis list, output shape and kernel groups are {@link ReduceAxes}'s.
 * An input with a zero-sized dimension gives an all-zero output, as in TFLM.
 *
 * <p>Refused beyond TFLM: a non-constant axis tensor (folded into the geometry), inputs of more
 * than 6 dims, a declared output whose element count is not the reduction's. float32 and int16
 * (which TFLM also runs) are refused as unsupported types.
 */
public final class SumPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("SUM", 74, Bridge.eval(Mean.class, 0),
                    "int8, up to 6-D; MEAN's kernel without 1/N (QuantizedMeanOrSum, compute_sum); keep_dims; "
                            + "axis folded")
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
        QuantizedMultiplier qm = QuantizedMultiplier.of(
                (double) ShapeOpChecks.scale(input) / (double) ShapeOpChecks.scale(output));
        ReduceAxes r = ReduceAxes.resolve(ctx, input, axes, ctx.options().bool("keep_dims", false), "sum");
        ParamBlock fields = ParamBlock.of(Mean.P_SIZE);
        fields.set(Mean.P_INPUT_ZP, (int) ((long) ShapeOpChecks.zeroPoint(input) * r.count()));
        fields.set(Mean.P_OUTPUT_ZP, ShapeOpChecks.zeroPoint(output));
        fields.set(Mean.P_MULTIPLIER, qm.multiplier());
        fields.set(Mean.P_SHIFT, qm.shift());
        fields.set(Mean.P_COUNT, 1);
        fields.set(Mean.P_EMPTY, r.empty() || r.count() == 0 ? 1 : 0);
        fields.set(Mean.P_OUTPUTS, r.outputs());
        r.writeGroups(fields, Mean.P_KEPT, Mean.P_REDUCED);
        return new PreparedOp(fields.bytes(), r.outputShape(), 0);
    }
}
