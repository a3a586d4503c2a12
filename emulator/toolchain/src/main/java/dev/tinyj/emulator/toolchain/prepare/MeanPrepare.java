package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Mean;
import java.util.ArrayList;
import java.util.List;

/**
 * MEAN prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/reduce_common.cc} {@code PrepareMeanOrSumHelper}/{@code PrepareSimple}:
 * two inputs, an int32 axis tensor, and for int8 {@code QuantizeMultiplier((double) input_scale /
 * (double) output_scale)}. The axis list is resolved as {@code reference_ops::ResolveAxis} does
 * (negative axes count from the end, duplicates dropped, an axis out of range is an error) and
 * N, the element count per output, as {@code CheckedReducedElementCount}.
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

    /** Dims TinyJ's kernel geometry covers. */
    static final int MAX_DIMS = 6;

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 2);
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        ShapeOpChecks.requireInt8(ctx, input, "input");
        ShapeOpChecks.requireInt8(ctx, output, "output");
        int[] axes = ShapeOpChecks.constInt32(ctx, ctx.input(1), "axis");
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        QuantizedMultiplier qm = QuantizedMultiplier.of(
                (double) ShapeOpChecks.scale(input) / (double) ShapeOpChecks.scale(output));

        int[] dims = input.shape();
        int rank = dims.length;
        boolean[] reduced = new boolean[rank];
        if (rank > 0) {
            for (int a : axes) {
                int current = a < 0 ? a + rank : a;
                if (current < 0 || current >= rank) {
                    throw fail(ctx, "axis " + a + " is out of range for input " + input.describe());
                }
                reduced[current] = true;
            }
        }
        boolean keepDims = ctx.options().bool("keep_dims", false);
        List<Integer> shape = new ArrayList<>();
        long count = 1;
        boolean empty = false;
        for (int d = 0; d < rank; d++) {
            empty |= dims[d] == 0;
            if (reduced[d]) {
                count *= dims[d];
                if (keepDims) {
                    shape.add(1);
                }
            } else {
                shape.add(dims[d]);
            }
        }
        if (count > Integer.MAX_VALUE) {
            throw fail(ctx, "input " + input.describe() + " reduces too many elements into one output");
        }
        int[] inferred = shape.stream().mapToInt(Integer::intValue).toArray();
        int outputs = ShapeOpChecks.product(inferred);
        if (output.flatSize() != outputs) {
            throw fail(ctx, "output " + output.describe() + " has " + output.flatSize() + " elements; the mean of "
                    + input.describe() + " over the given axes has " + outputs);
        }

        ParamBlock fields = ParamBlock.of(Mean.P_SIZE);
        fields.set(Mean.P_INPUT_ZP, ShapeOpChecks.zeroPoint(input));
        fields.set(Mean.P_OUTPUT_ZP, ShapeOpChecks.zeroPoint(output));
        fields.set(Mean.P_MULTIPLIER, qm.multiplier());
        fields.set(Mean.P_SHIFT, qm.shift());
        fields.set(Mean.P_COUNT, (int) count);
        fields.set(Mean.P_EMPTY, empty || count == 0 ? 1 : 0);
        fields.set(Mean.P_OUTPUTS, outputs);
        geometry(dims, reduced, fields);
        return new PreparedOp(fields.bytes(), inferred, 0);
    }

    /**
     * Kept and reduced groups: size-1 dims dropped, neighbours of one kind merged (row-major dims
     * stay contiguous), then right-aligned into three (extent, stride) slots each.
     */
    private static void geometry(int[] dims, boolean[] reduced, ParamBlock fields) {
        List<int[]> kept = new ArrayList<>();
        List<int[]> red = new ArrayList<>();
        int stride = 1;
        Boolean lastKind = null;
        for (int d = dims.length - 1; d >= 0; d--) {
            if (dims[d] != 1) {
                List<int[]> groups = reduced[d] ? red : kept;
                if (lastKind != null && lastKind == reduced[d]) {
                    groups.get(0)[0] *= dims[d];
                } else {
                    groups.add(0, new int[] {dims[d], stride});
                }
                lastKind = reduced[d];
            }
            stride *= Math.max(dims[d], 1);
        }
        put(kept, fields, Mean.P_KEPT);
        put(red, fields, Mean.P_REDUCED);
    }

    private static void put(List<int[]> groups, ParamBlock fields, int at) {
        int lead = 3 - groups.size();
        for (int g = 0; g < 3; g++) {
            int[] e = g < lead ? new int[] {1, 0} : groups.get(g - lead);
            fields.set(at + 8 * g, e[0]);
            fields.set(at + 8 * g + 4, e[1]);
        }
    }
}
