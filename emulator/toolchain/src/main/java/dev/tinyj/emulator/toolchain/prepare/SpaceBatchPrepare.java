package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.SpaceToBatchNd;
import dev.tinyj.runtime.kernels.TableCopy;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND prepare (int8), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/space_to_batch_nd.cc} and
 * {@code micro/kernels/batch_to_space_nd.cc} with {@code reference/space_to_batch_nd.h} and
 * {@code reference/batch_to_space_nd.h}: three inputs; input and output of 3 (NHC, run as NH1C) or
 * 4 (NHWC) dims of one type; a block shape (bh, bw) and paddings or crops (top, bottom, left,
 * right), one value, resp. two, per spatial dim (a 3-D input has only the rows).
 * SPACE_TO_BATCH_ND gives [B·bh·bw, (H + top + bottom) / bh, (W + left + right) / bw, C]
 * (kernel {@link SpaceToBatchNd}); BATCH_TO_SPACE_ND gives
 * [B / (bh·bw), H·bh − top − bottom, W·bw − left − right, C] (kernel {@link TableCopy}: output
 * (b, h, w) reads input batch {@code ((h + top) % bh · bw + (w + left) % bw) · B' + b}, row
 * {@code (h + top) / bh}, column {@code (w + left) / bw}, B' the output batches; one offset
 * table per axis).
 *
 * <p>TFLM's prepares check only ranks and types, and their kernels index by the declared output
 * dims. TinyJ requires constant int32 block shape and paddings/crops with the values above, a
 * block of at least 1, paddings and crops of at least 0, padded dims divisible by the block
 * (SPACE_TO_BATCH_ND), batches divisible by bh·bw and crops smaller than the dims
 * (BATCH_TO_SPACE_ND), and a declared output equal to the computed shape, so every output byte is
 * written once. A float32 input (which TFLM also runs) is refused as an unsupported type. No
 * quantization is checked (bytes are moved), as in TFLM.
 *
 * <p>SPACE_TO_BATCH_ND's padding: TFLM's kernel fills it with {@code SpaceToBatchParams.output_offset},
 * which {@code space_to_batch_nd.cc} allocates as a persistent buffer and never sets; in a fresh
 * arena (TFLM's kernel tests, an interpreter's first allocation) that memory is zero, so TFLM pads
 * with byte 0 whatever the output zero point. TinyJ writes 0 too ({@link SpaceToBatchNd#P_PAD_VALUE}).
 */
public final class SpaceBatchPrepare implements OpDeclaration {
    private static final OpSpec SPACE_TO_BATCH_ND = OpSpec.of("SPACE_TO_BATCH_ND", 38,
                    Bridge.eval(SpaceToBatchNd.class, 0),
                    "int8, 3-D or 4-D; padding written as byte 0 as TFLM (unset pad value); block and paddings folded")
            .withOptions("SpaceToBatchNDOptions").withOperands(Operands.of(3, 3, 1).folding(1, 2));
    private static final OpSpec BATCH_TO_SPACE_ND = OpSpec.of("BATCH_TO_SPACE_ND", 37, Bridge.eval(TableCopy.class, 0),
                    "int8, 3-D or 4-D; MIRROR_PAD's table kernel; block and crops folded")
            .withOptions("BatchToSpaceNDOptions").withOperands(Operands.of(3, 3, 1).folding(1, 2));

    private final OpSpec spec;

    private SpaceBatchPrepare(OpSpec spec) {
        this.spec = spec;
    }

    /** SPACE_TO_BATCH_ND's declaration and prepare. */
    public static SpaceBatchPrepare spaceToBatch() {
        return new SpaceBatchPrepare(SPACE_TO_BATCH_ND);
    }

    /** BATCH_TO_SPACE_ND's declaration and prepare. */
    public static SpaceBatchPrepare batchToSpace() {
        return new SpaceBatchPrepare(BATCH_TO_SPACE_ND);
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 3);
        int rank = input.shape().length;
        if (rank != 3 && rank != 4) {
            throw fail(ctx, "input " + input.describe() + " must have 3 or 4 dimensions");
        }
        boolean toBatch = spec == SPACE_TO_BATCH_ND;
        String edges = toBatch ? "paddings" : "crops";
        int spatial = rank - 2;
        int[] block = ShapeOpChecks.constInt32(ctx, ctx.input(1), "block_shape");
        int[] pads = ShapeOpChecks.constInt32(ctx, ctx.input(2), edges);
        if (block.length != spatial || pads.length != 2 * spatial) {
            throw fail(ctx, "block_shape and " + edges + " need " + spatial + " and " + 2 * spatial
                    + " values for input " + input.describe());
        }
        int b = input.dim(0);
        int h = input.dim(1);
        int w = rank == 4 ? input.dim(2) : 1;
        int c = input.dim(-1);
        int bh = block[0];
        int bw = rank == 4 ? block[1] : 1;
        int top = pads[0];
        int bottom = pads[1];
        int left = rank == 4 ? pads[2] : 0;
        int right = rank == 4 ? pads[3] : 0;
        if (bh < 1 || bw < 1) {
            throw fail(ctx, "block_shape values must be at least 1");
        }
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw fail(ctx, edges + " values must not be negative");
        }
        return toBatch ? toBatch(ctx, input, b, h, w, c, bh, bw, top, bottom, left, right)
                : toSpace(ctx, input, b, h, w, c, bh, bw, top, bottom, left, right);
    }

    private static PreparedOp toBatch(OpContext ctx, TensorInfo input, int b, int h, int w, int c, int bh, int bw,
            int top, int bottom, int left, int right) throws PrepareException {
        long ph = (long) h + top + bottom;
        long pw = (long) w + left + right;
        if (ph % bh != 0 || pw % bw != 0) {
            throw fail(ctx, "padded height " + ph + " and width " + pw + " of input " + input.describe()
                    + " must be multiples of the block " + bh + "x" + bw);
        }
        int outB = b * bh * bw;
        int outH = (int) (ph / bh);
        int outW = (int) (pw / bw);
        int[] shape = input.shape().length == 4 ? new int[] {outB, outH, outW, c} : new int[] {outB, outH, c};
        ShapeOpChecks.requireShape(ctx, shape);
        ParamBlock fields = ParamBlock.of(SpaceToBatchNd.P_SIZE)
                .set(SpaceToBatchNd.P_IN_BATCHES, b)
                .set(SpaceToBatchNd.P_IN_HEIGHT, h)
                .set(SpaceToBatchNd.P_IN_WIDTH, w)
                .set(SpaceToBatchNd.P_DEPTH, c)
                .set(SpaceToBatchNd.P_OUT_BATCHES, outB)
                .set(SpaceToBatchNd.P_OUT_HEIGHT, outH)
                .set(SpaceToBatchNd.P_OUT_WIDTH, outW)
                .set(SpaceToBatchNd.P_BLOCK_HEIGHT, bh)
                .set(SpaceToBatchNd.P_BLOCK_WIDTH, bw)
                .set(SpaceToBatchNd.P_PAD_TOP, top)
                .set(SpaceToBatchNd.P_PAD_LEFT, left)
                .set(SpaceToBatchNd.P_PAD_VALUE, 0);
        return new PreparedOp(fields.bytes(), shape, 0);
    }

    private static PreparedOp toSpace(OpContext ctx, TensorInfo input, int b, int h, int w, int c, int bh, int bw,
            int top, int bottom, int left, int right) throws PrepareException {
        if (b % (bh * bw) != 0) {
            throw fail(ctx, "batches of input " + input.describe() + " must be a multiple of the block " + bh + "x"
                    + bw);
        }
        long outHl = (long) h * bh - top - bottom;
        long outWl = (long) w * bw - left - right;
        if (outHl < 0 || outWl < 0) {
            throw fail(ctx, "crops remove more than input " + input.describe() + " holds");
        }
        int outB = b / (bh * bw);
        int outH = (int) outHl;
        int outW = (int) outWl;
        int[] shape = input.shape().length == 4 ? new int[] {outB, outH, outW, c} : new int[] {outB, outH, c};
        ShapeOpChecks.requireShape(ctx, shape);
        int plane = h * w * c;
        int[][] tables = {{0}, new int[outB], new int[outH], new int[outW], new int[c]};
        for (int i = 0; i < outB; i++) {
            tables[1][i] = i * plane;
        }
        for (int y = 0; y < outH; y++) {
            int full = y + top;
            tables[2][y] = (full / bh) * w * c + (full % bh) * bw * outB * plane;
        }
        for (int x = 0; x < outW; x++) {
            int full = x + left;
            tables[3][x] = (full / bw) * c + (full % bw) * outB * plane;
        }
        for (int k = 0; k < c; k++) {
            tables[4][k] = k;
        }
        return new PreparedOp(OffsetTables.block(tables), shape, 0);
    }
}
