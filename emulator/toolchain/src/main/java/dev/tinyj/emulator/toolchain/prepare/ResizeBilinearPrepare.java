package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ResizeBilinear;

/**
 * RESIZE_BILINEAR prepare (int8; kernel {@link ResizeBilinear}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/resize_bilinear.cc}
 * {@code ResizeBilinearPrepare}: two inputs, a 4-D input, a constant 1-D int32 size of two values
 * (output height and width), align_corners and half_pixel_centers not both set. The row and column
 * tables are {@code reference/resize_bilinear.h} {@code ResizeBilinearInteger}'s arithmetic:
 * {@code scale_10 = (1024·in + out/2) / out}, or with align_corners and out &gt; 1
 * {@code (1024·(in − 1) + (out − 1)/2) / (out − 1)}; {@code input_y = y·scale_10}, or with
 * half_pixel_centers {@code y·scale_10 + scale_10/2 − 512}; {@code y0 = max(input_y / 1024, 0)},
 * {@code y1 = min((input_y + 1023) / 1024, in − 1)} (C division, truncating), weight
 * {@code input_y − 1024·y0}.
 *
 * <p>Refused beyond TFLM: a size value below 1 (TFLM would divide by it), a row or column outside
 * the input (TFLM clamps only y1 and x1; no size and scale TFLite allows gets there), a declared
 * output other than [batches, height, width, channels] (TFLM takes batches and channels from the
 * declared output and height and width from the size). A float32 input (which TFLM also runs) is
 * refused as an unsupported type. No quantization is checked, as in TFLM.
 */
public final class ResizeBilinearPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("RESIZE_BILINEAR", 23, Bridge.eval(ResizeBilinear.class, 0),
                    "int8, 4-D; integer interpolation (10-bit weights); align_corners, half_pixel_centers; size "
                            + "folded into row/column tables")
            .withOptions("ResizeBilinearOptions", OptionField.of(2, "align_corners", Kind.BOOL, "false"),
                    OptionField.of(3, "half_pixel_centers", Kind.BOOL, "false"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        if (input.shape().length != 4) {
            throw fail(ctx, "input " + input.describe() + " must have 4 dimensions");
        }
        TensorInfo sizeTensor = ctx.input(1);
        int[] size = ShapeOpChecks.constInt32(ctx, sizeTensor, "size");
        if (sizeTensor.shape().length != 1 || size.length != 2) {
            throw fail(ctx, "size " + sizeTensor.describe() + " must be 1-D with 2 values");
        }
        boolean alignCorners = ctx.options().bool("align_corners", false);
        boolean halfPixel = ctx.options().bool("half_pixel_centers", false);
        if (alignCorners && halfPixel) {
            throw fail(ctx, "if half_pixel_centers is true, align_corners must be false");
        }
        if (size[0] < 1 || size[1] < 1) {
            throw fail(ctx, "size " + size[0] + "x" + size[1] + " must be at least 1x1");
        }
        int[] in = input.shape();
        int[] shape = {in[0], size[0], size[1], in[3]};
        ShapeOpChecks.requireShape(ctx, shape);
        int rowBytes = in[2] * in[3];
        ParamBlock b = ParamBlock.of(ResizeBilinear.P_TABLES + 12 * (size[0] + size[1]))
                .set(ResizeBilinear.P_BATCHES, in[0])
                .set(ResizeBilinear.P_BATCH_STRIDE, in[1] * rowBytes)
                .set(ResizeBilinear.P_DEPTH, in[3])
                .set(ResizeBilinear.P_OUT_HEIGHT, size[0])
                .set(ResizeBilinear.P_OUT_WIDTH, size[1]);
        table(ctx, b, ResizeBilinear.P_TABLES, in[1], size[0], rowBytes, alignCorners, halfPixel, "row");
        table(ctx, b, ResizeBilinear.P_TABLES + 12 * size[0], in[2], size[1], in[3], alignCorners, halfPixel,
                "column");
        return new PreparedOp(b.bytes(), shape, 0);
    }

    /** Writes {@code out} entries (lower offset, upper offset, weight) from {@code at}. */
    private static void table(OpContext ctx, ParamBlock b, int at, int in, int out, int stride, boolean alignCorners,
            boolean halfPixel, String what) throws PrepareException {
        long scale = (1024L * in + out / 2) / out;
        if (alignCorners && out > 1) {
            scale = (1024L * (in - 1) + (out - 1) / 2) / (out - 1);
        }
        for (int k = 0; k < out; k++) {
            long value = halfPixel ? k * scale + scale / 2 - 512 : k * scale;
            if (value > Integer.MAX_VALUE - 1023) {
                throw fail(ctx, what + " " + k + " of the output lies beyond int32 arithmetic");
            }
            int scaled = (int) value;
            int lower = Math.max(scaled / 1024, 0);
            int upper = Math.min((scaled + 1023) / 1024, in - 1);
            if (lower >= in || upper < 0) {
                throw fail(ctx, what + " " + k + " of the output reads input " + what + " " + lower
                        + ", outside the input's " + in);
            }
            b.set(at + 12 * k, lower * stride);
            b.set(at + 12 * k + 4, upper * stride);
            b.set(at + 12 * k + 8, scaled - 1024 * lower);
        }
    }
}
