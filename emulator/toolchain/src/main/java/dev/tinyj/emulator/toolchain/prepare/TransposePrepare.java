package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.Transpose;

/**
 * TRANSPOSE prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/transpose_common.cc} {@code TransposePrepare}: two inputs; an input of at
 * most 5 dims; input and output of the same type; a constant int32 permutation, 1-D, with one
 * entry per input dim, each in [0, dims). The kernel's strides are TFLM's
 * {@code SetupTransposeStrides} of the input, taken in permutation order, padded to 5 dims.
 *
 * <p>Beyond TFLM's checks, TinyJ refuses a permutation that repeats an axis (TFLM's prepare lets
 * it through and its kernel then reads past the input; TensorFlow rejects it), a rank-0 input
 * (TFLM's stride setup would index [-1]) and a declared output shape other than the permuted
 * input shape (TFLM loops over the declared one). Like TFLM, it moves bytes and checks no
 * quantization. int8 only: float32 and int16, which TFLM also transposes, are refused as
 * unsupported types.
 */
public final class TransposePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("TRANSPOSE", 39, Bridge.eval(Transpose.class, 0),
                    "int8, 1-D to 5-D; permutation folded into the strides; repeated axes refused")
            .withOptions("TransposeOptions")
            .withOperands(Operands.of(2, 2, 1).folding(1));

    /** TFLM's limit ({@code TransposePrepare}: "only supports 1D-5D input arrays"). */
    static final int MAX_DIMS = 5;

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        int[] dims = input.shape();
        int rank = dims.length;
        if (rank == 0) {
            throw fail(ctx, "input " + input.describe() + " is a scalar; TRANSPOSE needs 1 to " + MAX_DIMS + " dimensions");
        }
        TensorInfo permTensor = ctx.input(1);
        int[] perm = ShapeOpChecks.constInt32(ctx, permTensor, "perm");
        if (permTensor.shape().length != 1 || perm.length != rank) {
            throw fail(ctx, "perm " + permTensor.describe() + " must be 1-D with " + rank + " values, one per input dim");
        }
        boolean[] seen = new boolean[rank];
        for (int d = 0; d < rank; d++) {
            if (perm[d] < 0 || perm[d] >= rank) {
                throw fail(ctx, "perm value " + perm[d] + " is out of bounds for " + rank + " dimensions");
            }
            if (seen[perm[d]]) {
                throw fail(ctx, "perm repeats axis " + perm[d] + " (not a permutation; TFLM would read past the input)");
            }
            seen[perm[d]] = true;
        }
        int[] inStride = new int[rank];
        inStride[rank - 1] = 1;
        for (int d = rank - 2; d >= 0; d--) {
            inStride[d] = inStride[d + 1] * dims[d + 1];
        }
        int[] inferred = new int[rank];
        for (int d = 0; d < rank; d++) {
            inferred[d] = dims[perm[d]];
        }
        ShapeOpChecks.requireShape(ctx, inferred);
        int pad = MAX_DIMS - rank;
        ParamBlock fields = ParamBlock.of(Transpose.P_SIZE);
        for (int k = 0; k < MAX_DIMS; k++) {
            boolean real = k >= pad;
            fields.set(Transpose.P_DIMS + 4 * k, real ? inferred[k - pad] : 1);
            fields.set(Transpose.P_STRIDES + 4 * k, real ? inStride[perm[k - pad]] : 0);
        }
        return new PreparedOp(fields.bytes(), inferred, 0);
    }
}
