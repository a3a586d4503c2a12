package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Transpose;

/**
 * SPACE_TO_DEPTH and DEPTH_TO_SPACE prepare (int8), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/space_to_depth.cc} {@code Prepare}
 * and {@code micro/kernels/depth_to_space.cc} {@code CalculateOpData}, with
 * {@code reference/space_to_depth.h} and {@code reference/depth_to_space.h}: one 4-D input
 * [B, H, W, C], input and output of one type, a block size bs; SPACE_TO_DEPTH needs H and W
 * multiples of bs and gives [B, H/bs, W/bs, C·bs²], with output depth
 * {@code d + ((h % bs)·bs + w % bs)·C}; DEPTH_TO_SPACE needs C a multiple of bs² and gives
 * [B, H·bs, W·bs, C/bs²], reading input depth {@code d + ((h % bs)·bs + w % bs)·C/bs²}.
 *
 * <p>Both move bytes without rescaling (TFLM checks no quantization), so both run TRANSPOSE's
 * kernel ({@link Transpose}): the output in row-major order is a strided walk of the input over
 * four axes. SPACE_TO_DEPTH walks (batch·out row: stride bs·W·C; out column: bs·C; row in block:
 * W·C; column in block and depth, merged: bs·C, stride 1); DEPTH_TO_SPACE walks (batch·in row:
 * W·C; row in block: bs·C'; in column: C; column in block and depth, merged: bs·C', stride 1),
 * C' = C/bs². Batch and row merge because a batch is a whole number of rows.
 *
 * <p>Refused beyond TFLM: a block size below 1 (TFLM's SPACE_TO_DEPTH would divide by it), a
 * declared output shape other than the computed one (TFLM overwrites the output's dims). A
 * float32 input (which TFLM also runs) is refused as an unsupported type.
 */
public final class SpaceDepthPrepare implements OpDeclaration {
    private static final OpSpec SPACE_TO_DEPTH = OpSpec.of("SPACE_TO_DEPTH", 26, Bridge.eval(Transpose.class, 0),
                    "int8, 4-D; TRANSPOSE's kernel over the block-strided input")
            .withOptions("SpaceToDepthOptions", OptionField.of(0, "block_size", Kind.INT, "0"));
    private static final OpSpec DEPTH_TO_SPACE = OpSpec.of("DEPTH_TO_SPACE", 5, Bridge.eval(Transpose.class, 0),
                    "int8, 4-D; TRANSPOSE's kernel over the block-strided input")
            .withOptions("DepthToSpaceOptions", OptionField.of(0, "block_size", Kind.INT, "0"));

    private final OpSpec spec;

    private SpaceDepthPrepare(OpSpec spec) {
        this.spec = spec;
    }

    /** SPACE_TO_DEPTH's declaration and prepare. */
    public static SpaceDepthPrepare spaceToDepth() {
        return new SpaceDepthPrepare(SPACE_TO_DEPTH);
    }

    /** DEPTH_TO_SPACE's declaration and prepare. */
    public static SpaceDepthPrepare depthToSpace() {
        return new SpaceDepthPrepare(DEPTH_TO_SPACE);
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 1);
        if (input.shape().length != 4) {
            throw fail(ctx, "input " + input.describe() + " must have 4 dimensions");
        }
        int bs = ctx.options().integer("block_size", 0);
        if (bs < 1) {
            throw fail(ctx, "block_size " + bs + " must be at least 1");
        }
        int b = input.dim(0);
        int h = input.dim(1);
        int w = input.dim(2);
        int c = input.dim(3);
        int[] shape;
        int[] dims;
        int[] strides;
        if (spec == SPACE_TO_DEPTH) {
            if (h % bs != 0 || w % bs != 0) {
                throw fail(ctx, "input " + input.describe() + " height and width must be multiples of block_size "
                        + bs);
            }
            shape = new int[] {b, h / bs, w / bs, c * bs * bs};
            dims = new int[] {b * (h / bs), w / bs, bs, bs * c};
            strides = new int[] {bs * w * c, bs * c, w * c, 1};
        } else {
            if (c % (bs * bs) != 0) {
                throw fail(ctx, "input " + input.describe() + " depth must be a multiple of block_size² " + bs * bs);
            }
            int depth = c / (bs * bs);
            shape = new int[] {b, h * bs, w * bs, depth};
            dims = new int[] {b * h, bs, w, bs * depth};
            strides = new int[] {w * c, bs * depth, c, 1};
        }
        ShapeOpChecks.requireShape(ctx, shape);
        ParamBlock fields = ParamBlock.of(Transpose.P_SIZE)
                .set(Transpose.P_DIMS, 1)
                .set(Transpose.P_STRIDES, 0);
        for (int k = 0; k < 4; k++) {
            fields.set(Transpose.P_DIMS + 4 * (k + 1), dims[k]);
            fields.set(Transpose.P_STRIDES + 4 * (k + 1), strides[k]);
        }
        return new PreparedOp(fields.bytes(), shape, 0);
    }
}
