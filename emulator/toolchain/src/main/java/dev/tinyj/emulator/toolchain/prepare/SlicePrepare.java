package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.StridedSlice;

/**
 * SLICE prepare (int8), as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/slice.cc} {@code SlicePrepare}/{@code SliceEval} and
 * {@code reference/slice.h} {@code reference_ops::Slice(const SliceParams&, ...)}: three inputs;
 * input of at most 5 dims; begin and size of one type, int32 or int64, one value per input dim; a
 * size of −1 runs to the end of its dim. The kernel visits, in row-major order, the indices
 * {@code [begin, begin + size)} of each dim: the output is the input's bytes there (no rescaling;
 * TFLM checks no quantization).
 *
 * <p>The kernel is STRIDED_SLICE's ({@link StridedSlice}): the input dims right-aligned into 5
 * (leading dims 1), start = begin, stop = begin + size, every stride 1. Begin and size are
 * constants folded into that block and not passed.
 *
 * <p>Refused beyond TFLM (which only debug-checks its inputs): non-constant begin or size, begin
 * or size without one value per input dim, a begin outside [0, dim], a size below −1 or past the
 * dim's end (TFLM would read outside the input), a declared output shape other than the sizes.
 * float32, int16, int32 and bool inputs (which TFLM also runs) are refused as unsupported types.
 */
public final class SlicePrepare implements OpDeclaration {
    /** TFLM's {@code kMaxDim}. */
    static final int MAX_DIMS = 5;

    private static final OpSpec SPEC = OpSpec.of("SLICE", 65, Bridge.eval(StridedSlice.class, 0),
                    "int8, up to 5-D; STRIDED_SLICE's kernel with stride 1; size -1 to the end; begin and size "
                            + "(int32 or int64) folded")
            .withOptions("SliceOptions").withOperands(Operands.of(3, 3, 1).folding(1, 2));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 3);
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        TensorInfo beginTensor = ctx.input(1);
        TensorInfo sizeTensor = ctx.input(2);
        int[] begin = IndexOperands.constInt32OrInt64(ctx, beginTensor, "begin");
        int[] size = IndexOperands.constInt32OrInt64(ctx, sizeTensor, "size");
        int[] dims = input.shape();
        int rank = dims.length;
        if (beginTensor.type() != sizeTensor.type()) {
            throw fail(ctx, "begin " + beginTensor.describe() + " and size " + sizeTensor.describe()
                    + " must have one type");
        }
        if (begin.length != rank || size.length != rank) {
            throw fail(ctx, "begin and size need " + rank + " values each for input " + input.describe());
        }
        int pad = MAX_DIMS - rank;
        int[] shape = new int[rank];
        ParamBlock fields = ParamBlock.of(StridedSlice.P_SIZE);
        for (int k = 0; k < MAX_DIMS; k++) {
            int d = k - pad;
            int dim = d < 0 ? 1 : dims[d];
            int start = d < 0 ? 0 : begin[d];
            int stop = d < 0 ? 1 : size[d] == -1 ? dim : start + size[d];
            if (d >= 0 && (start < 0 || start > dim || size[d] < -1 || (long) start + size[d] > dim)) {
                throw fail(ctx, "begin " + start + " and size " + size[d] + " of axis " + d
                        + " are outside input " + input.describe());
            }
            if (d >= 0) {
                shape[d] = stop - start;
            }
            fields.set(StridedSlice.P_DIMS + 4 * k, dim);
            fields.set(StridedSlice.P_START + 4 * k, start);
            fields.set(StridedSlice.P_STOP + 4 * k, stop);
            fields.set(StridedSlice.P_STRIDE + 4 * k, 1);
        }
        ShapeOpChecks.requireShape(ctx, shape);
        return new PreparedOp(fields.bytes(), shape, 0);
    }
}
