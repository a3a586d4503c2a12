package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.TableCopy;

/**
 * MIRROR_PAD prepare (int8; kernel {@link TableCopy}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/mirror_pad.cc}
 * {@code MirrorPadPrepare}: two inputs, a paddings tensor of 2 dims with one row per input dim,
 * mode REFLECT (TFLM's offset 1: the edge element is not repeated) or SYMMETRIC (offset 0). Each
 * axis' source-index table is {@code GetInputDimension} of every output index: left of the input,
 * {@code left + offset − 1 − o}; right of it, {@code dim − 1 − offset − min(o − left − dim,
 * dim − 1 − offset)} (TFLM clamps there, so a right padding past the mirror repeats index 0);
 * inside, {@code o − left}. The kernel's offset tables ({@link OffsetTables}) are these indices
 * times the input strides. Paddings are int32 or int64.
 *
 * <p>Refused beyond TFLM: non-constant paddings (folded into the tables), a paddings tensor not
 * [rank, 2], a negative padding, a left padding past the mirror (more than dim − 1 for REFLECT,
 * dim for SYMMETRIC: TFLM would read before the input), inputs of more than 5 dims, a declared
 * output other than the input padded. TFLM takes the output's declared dims as they are; a float32
 * input (which TFLM also runs) is refused as an unsupported type. No quantization is checked (the
 * kernel copies bytes), as in TFLM.
 */
public final class MirrorPadPrepare implements OpDeclaration {
    /** Dims the kernel loops over. */
    static final int MAX_DIMS = 5;

    private static final OpSpec SPEC = OpSpec.of("MIRROR_PAD", 100, Bridge.eval(TableCopy.class, 0),
                    "int8, up to 5-D; REFLECT and SYMMETRIC; paddings (int32 or int64) folded into source tables")
            .withOptions("MirrorPadOptions", OptionField.of(0, "mode", Kind.MIRROR_PAD_MODE, "REFLECT"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        TensorInfo padTensor = ctx.input(1);
        int[] pads = IndexOperands.constInt32OrInt64(ctx, padTensor, "paddings");
        int[] dims = input.shape();
        int rank = dims.length;
        if (padTensor.shape().length != 2 || padTensor.dim(0) != rank || padTensor.dim(1) != 2) {
            throw fail(ctx, "paddings " + padTensor.describe() + " must be [" + rank + ",2] for input "
                    + input.describe());
        }
        String mode = ctx.options().string("mode", "REFLECT");
        int offset = mode.equals("REFLECT") ? 1 : 0;
        int lead = MAX_DIMS - rank;
        int[] outDims = new int[MAX_DIMS];
        int[] inDims = new int[MAX_DIMS];
        int[][] tables = new int[MAX_DIMS][];
        for (int k = 0; k < MAX_DIMS; k++) {
            int d = k - lead;
            int dim = d < 0 ? 1 : dims[d];
            int left = d < 0 ? 0 : pads[2 * d];
            int right = d < 0 ? 0 : pads[2 * d + 1];
            if (left < 0 || right < 0) {
                throw fail(ctx, "paddings of axis " + d + " (" + left + ", " + right + ") must not be negative");
            }
            long size = (long) dim + left + right;
            if (size > Integer.MAX_VALUE / 4) {
                throw fail(ctx, "paddings of axis " + d + " make it too large");
            }
            tables[k] = new int[(int) size];
            for (int o = 0; o < size; o++) {
                int at = inputIndex(o, left, dim, offset);
                if (at < 0 || at >= dim) {
                    throw fail(ctx, "left padding " + left + " of axis " + d + " reaches past the " + mode
                            + " mirror of input " + input.describe() + " (at most " + (dim - offset) + ")");
                }
                tables[k][o] = at;
            }
            inDims[k] = dim;
            outDims[k] = (int) size;
        }
        int[] shape = java.util.Arrays.copyOfRange(outDims, lead, MAX_DIMS);
        ShapeOpChecks.requireShape(ctx, shape);
        int stride = 1;
        for (int k = MAX_DIMS - 1; k >= 0; k--) {
            for (int o = 0; o < tables[k].length; o++) {
                tables[k][o] *= stride;
            }
            stride *= inDims[k];
        }
        return new PreparedOp(OffsetTables.block(tables), shape, 0);
    }

    /**
     * The input index of output index {@code o} along an axis of size {@code dim} with left padding
     * {@code left}: mirror_pad.cc {@code GetInputDimension} (its right padding does not enter).
     */
    static int inputIndex(int o, int left, int dim, int offset) {
        if (o < left) {
            int original = left + offset - 1;
            return original - Math.min(o, original - offset);
        }
        int p = o - left;
        if (p >= dim) {
            p -= dim;
            int original = dim - (1 + offset);
            return original - Math.min(p, original);
        }
        return p;
    }
}
