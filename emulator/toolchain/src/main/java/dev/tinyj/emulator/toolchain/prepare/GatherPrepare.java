package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Gather;

/**
 * GATHER prepare (int8 params, int32 indices; kernel {@link Gather}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/gather.cc} {@code GatherPrepare}:
 * two inputs, int32 indices (TFLM refuses others), an axis in [−rank, rank) of the params and a
 * batch_dims in [−rank(indices), rank(indices)] (negative ones count from the end), batch_dims
 * at most the axis and below the params' rank, the params' and indices' leading batch_dims dims
 * equal. The output shape is the params' dims before the axis, the indices' dims after
 * batch_dims, then the params' dims after the axis. The indices stay an operand the kernel reads
 * at run time (they may be an activation). No quantization is checked (the kernel copies bytes),
 * as in TFLM.
 *
 * <p>Refused beyond TFLM: a declared output shape other than the computed one (TFLM overwrites the
 * output's dims). A float32 params tensor (which TFLM also runs) is refused as an unsupported type.
 * An index outside the axis is a run-time panic (TFLM would read outside its input).
 */
public final class GatherPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("GATHER", 36, Bridge.eval(Gather.class, 0, 1),
                    "int8 params, int32 indices read at run time; axis and batch_dims; index range checked")
            .withOptions("GatherOptions", OptionField.of(0, "axis", Kind.INT, "0"),
                    OptionField.of(1, "batch_dims", Kind.INT, "0"))
            .withOperands(Operands.exactly(2))
            .withPanic(Gather.PANIC_INDEX_OUT_OF_RANGE, "index %d of the indices is outside the gathered axis");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        TensorInfo indices = ctx.input(1);
        if (indices.type() != DType.INT32) {
            throw PrepareException.unsupportedType(ctx.where(), indices, "indices",
                    "int32 (the only index type TFLM's GATHER takes)");
        }
        int[] dims = input.shape();
        int[] coordDims = indices.shape();
        int rank = dims.length;
        int axis = ctx.options().integer("axis", 0);
        int batchDims = ctx.options().integer("batch_dims", 0);
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw fail(ctx, "axis " + axis + " is out of range for input " + input.describe());
        }
        int bd = batchDims < 0 ? batchDims + coordDims.length : batchDims;
        if (bd < 0 || bd > a || bd >= rank || bd > coordDims.length) {
            throw fail(ctx, "batch_dims " + batchDims + " must lie in [0, axis " + a + "] and within the ranks of "
                    + input.describe() + " and " + indices.describe());
        }
        for (int d = 0; d < bd; d++) {
            if (dims[d] != coordDims[d]) {
                throw fail(ctx, "batch dim " + d + " of input " + input.describe() + " and indices "
                        + indices.describe() + " differ");
            }
        }
        int[] shape = new int[rank + coordDims.length - 1 - bd];
        int n = 0;
        int batches = 1;
        int outer = 1;
        int inner = 1;
        int coords = 1;
        for (int d = 0; d < a; d++) {
            shape[n++] = dims[d];
            if (d < bd) {
                batches *= dims[d];
            } else {
                outer *= dims[d];
            }
        }
        for (int d = bd; d < coordDims.length; d++) {
            shape[n++] = coordDims[d];
            coords *= coordDims[d];
        }
        for (int d = a + 1; d < rank; d++) {
            shape[n++] = dims[d];
            inner *= dims[d];
        }
        ShapeOpChecks.requireShape(ctx, shape);
        ParamBlock fields = ParamBlock.of(Gather.P_SIZE)
                .set(Gather.P_BATCHES, batches)
                .set(Gather.P_OUTER, outer)
                .set(Gather.P_AXIS_SIZE, dims[a])
                .set(Gather.P_INNER, inner)
                .set(Gather.P_COORDS, coords);
        return new PreparedOp(fields.bytes(), shape, 0);
    }
}
