package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ResizeNearestNeighbor;

/**
 * RESIZE_NEAREST_NEIGHBOR prepare (int8; kernel {@link ResizeNearestNeighbor}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/resize_nearest_neighbor.cc}
 * {@code ResizeNearestNeighborPrepare}: two inputs; a 4-D input; a constant 1-D int32 size with 2
 * values (new height, new width); the output of the input's type. The kernel's source-row and
 * source-column tables are {@link #nearest} of every output row and column, which is
 * {@code reference_ops::GetNearestNeighbor} computed here once instead of per pixel.
 *
 * <p>TFLM's prepare does not check the output shape (its kernel loops over the size values and
 * the input's batches and channels); TinyJ requires the declared output to be
 * {@code [batches, size[0], size[1], channels]} and refuses a size value below 1 (TensorFlow
 * rejects it). Like TFLM it checks no quantization: it moves bytes. int8 only: float32 and int16,
 * which TFLM also resizes, are refused as unsupported types.
 */
public final class ResizeNearestNeighborPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("RESIZE_NEAREST_NEIGHBOR", 97, Bridge.eval(ResizeNearestNeighbor.class, 0),
                    "int8, 4-D; size folded into source row/column tables; align_corners, half_pixel_centers")
            .withOptions("ResizeNearestNeighborOptions", OptionField.of(0, "align_corners", Kind.BOOL, "false"),
                    OptionField.of(1, "half_pixel_centers", Kind.BOOL, "false"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        int[] in = input.shape();
        if (in.length != 4) {
            throw fail(ctx, "input " + input.describe() + " must have 4 dimensions (NHWC)");
        }
        TensorInfo sizeTensor = ctx.input(1);
        int[] size = ShapeOpChecks.constInt32(ctx, sizeTensor, "size");
        if (sizeTensor.shape().length != 1 || size.length != 2) {
            throw fail(ctx, "size " + sizeTensor.describe() + " must be 1-D with 2 values (height, width)");
        }
        if (size[0] < 1 || size[1] < 1) {
            throw fail(ctx, "size " + size[0] + "x" + size[1] + " must be at least 1x1");
        }
        int[] outShape = {in[0], size[0], size[1], in[3]};
        ShapeOpChecks.requireShape(ctx, outShape);
        boolean alignCorners = ctx.options().bool("align_corners", false);
        boolean halfPixel = ctx.options().bool("half_pixel_centers", false);
        ParamBlock b = ParamBlock.of(ResizeNearestNeighbor.P_TABLES + 4 * (size[0] + size[1]))
                .set(ResizeNearestNeighbor.P_BATCHES, in[0])
                .set(ResizeNearestNeighbor.P_IN_HEIGHT, in[1])
                .set(ResizeNearestNeighbor.P_IN_WIDTH, in[2])
                .set(ResizeNearestNeighbor.P_DEPTH, in[3])
                .set(ResizeNearestNeighbor.P_OUT_HEIGHT, size[0])
                .set(ResizeNearestNeighbor.P_OUT_WIDTH, size[1]);
        for (int y = 0; y < size[0]; y++) {
            b.set(ResizeNearestNeighbor.P_TABLES + 4 * y, nearest(y, in[1], size[0], alignCorners, halfPixel));
        }
        for (int x = 0; x < size[1]; x++) {
            b.set(ResizeNearestNeighbor.P_TABLES + 4 * (size[0] + x), nearest(x, in[2], size[1], alignCorners, halfPixel));
        }
        return new PreparedOp(b.bytes(), outShape, 0);
    }

    /**
     * TFLM's {@code reference_ops::GetNearestNeighbor}: the source index of output index
     * {@code value} along an axis resized from {@code inputSize} to {@code outputSize}, in float
     * arithmetic as the C++ does it (scale {@code (in − 1)/(out − 1)} with align_corners and
     * {@code out > 1}, else {@code in/out}; offset 0.5 with half_pixel_centers; round half away
     * from zero with align_corners, else floor; at most {@code in − 1}, and at least 0 with
     * half_pixel_centers).
     */
    static int nearest(int value, int inputSize, int outputSize, boolean alignCorners, boolean halfPixelCenters) {
        float scale = alignCorners && outputSize > 1
                ? (inputSize - 1) / (float) (outputSize - 1)
                : inputSize / (float) outputSize;
        float offset = halfPixelCenters ? 0.5f : 0.0f;
        float at = (value + offset) * scale;
        int index = alignCorners ? (int) roundHalfAway(at) : (int) Math.floor(at);
        index = Math.min(index, inputSize - 1);
        if (halfPixelCenters) {
            index = Math.max(0, index);
        }
        return index;
    }

    /** C's {@code roundf}: half away from zero (exact: a float plus 0.5 is exact in double). */
    private static double roundHalfAway(float f) {
        double r = Math.floor(Math.abs((double) f) + 0.5);
        return f < 0 ? -r : r;
    }
}
