package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Pooling.P_ACT_MAX;
import static dev.tinyj.runtime.kernels.Pooling.P_ACT_MIN;
import static dev.tinyj.runtime.kernels.Pooling.P_BATCHES;
import static dev.tinyj.runtime.kernels.Pooling.P_DEPTH;
import static dev.tinyj.runtime.kernels.Pooling.P_FILTER_H;
import static dev.tinyj.runtime.kernels.Pooling.P_FILTER_W;
import static dev.tinyj.runtime.kernels.Pooling.P_IN_H;
import static dev.tinyj.runtime.kernels.Pooling.P_IN_W;
import static dev.tinyj.runtime.kernels.Pooling.P_OUT_H;
import static dev.tinyj.runtime.kernels.Pooling.P_OUT_W;
import static dev.tinyj.runtime.kernels.Pooling.P_PAD_H;
import static dev.tinyj.runtime.kernels.Pooling.P_PAD_W;
import static dev.tinyj.runtime.kernels.Pooling.P_SIZE;
import static dev.tinyj.runtime.kernels.Pooling.P_STRIDE_H;
import static dev.tinyj.runtime.kernels.Pooling.P_STRIDE_W;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Prepare of AVERAGE_POOL_2D and MAX_POOL_2D (int8, and int16 for their int16 variants), as TFLM's
 * {@code PoolingPrepare} and
 * {@code CalculateOpDataPooling} ({@code tensorflow/lite/micro/kernels/pooling_common.cc},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424):
 * <ol>
 * <li>input and output int8 (int16) NHWC (rank 4), same batches and channels;</li>
 * <li>input and output scales within 1e−6 of each other (compared in double) and equal zero points;</li>
 * <li>padding by {@code ComputePaddingHeightWidth} (dilation 1) from the input size, window and
 * stride, the output size it infers being {@code ceil(in / stride)} (SAME) or
 * {@code (in − filter + stride) / stride} (VALID);</li>
 * <li>activation clamp by {@code CalculateActivationRangeQuantized}.</li>
 * </ol>
 * Like TFLM, the kernel walks the output height and width the model declares, not the inferred
 * ones (one TFLM test declares a larger output than VALID infers: the windows at the edge are
 * just clipped). An AVERAGE_POOL_2D output cell whose window covers no input cell is refused:
 * TFLM's reference AveragePool returns false there, its micro eval ignores that and leaves the
 * rest of the output unwritten, which no model can rely on.
 *
 * <p>MAX_POOL_2D's float32 type variant ({@link #prepareFloat}) takes steps 1 and 3 with float32
 * tensors (no quantization to compare) and the float clamp of TFLM's {@code CalculateActivationRange}.
 */
final class PoolingPrepare {
    private PoolingPrepare() {
    }

    static PreparedOp prepare(OpContext ctx, boolean average) throws PrepareException {
        return prepare(ctx, average, DType.INT8);
    }

    /**
     * {@link #prepare(OpContext, boolean)} for {@code type} activations: int8, or int16 (the int16
     * variants; TFLM's {@code PoolingPrepare} treats both alike, with the int16 activation range).
     */
    static PreparedOp prepare(OpContext ctx, boolean average, DType type) throws PrepareException {
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        boolean int16 = type == DType.INT16;
        Quantization qi = int16 ? Int16Operand.require(ctx, in, "input") : Int8Operand.require(ctx, in, "input");
        Quantization qo = int16 ? Int16Operand.require(ctx, out, "output") : Int8Operand.require(ctx, out, "output");
        requireShapes(ctx, in, out);
        if (Math.abs((double) qi.scale0() - (double) qo.scale0()) > 1.0e-6 || qi.zeroPoint0() != qo.zeroPoint0()) {
            throw new PrepareException(ctx.where() + ": input " + in.describe() + " and output " + out.describe()
                    + " must have the same scale and zero point");
        }
        ParamBlock f = window(ctx, in, out, average);
        ActivationRange act = int16 ? ActivationRange.int16(ctx.options().activation(), qo.scale0(), qo.zeroPoint0())
                : ActivationRange.int8(ctx.options().activation(), qo.scale0(), qo.zeroPoint0());
        f.set(P_ACT_MIN, act.min());
        f.set(P_ACT_MAX, act.max());
        return new PreparedOp(f.bytes(), out.shape().clone(), 0);
    }

    /**
     * MAX_POOL_2D's float32 variant ({@code dev.tinyj.runtime.kernels.MaxPool2DFloat}): float32
     * input and output, the same shapes and window, the clamp of TFLM's {@code PoolingPrepare} for
     * {@code kTfLiteFloat32} ({@link FloatActivationRange}) as float bits in {@code P_ACT_MIN/MAX}.
     */
    static PreparedOp prepareFloat(OpContext ctx) throws PrepareException {
        TensorInfo in = FloatOperand.require(ctx, ctx.input(0), "input");
        TensorInfo out = FloatOperand.require(ctx, ctx.output(), "output");
        requireShapes(ctx, in, out);
        ParamBlock f = window(ctx, in, out, false);
        FloatActivationRange.of(ctx).writeTo(f, P_ACT_MIN, P_ACT_MAX);
        return new PreparedOp(f.bytes(), out.shape().clone(), 0);
    }

    /** Input and output NHWC (rank 4) with the same batches and channels. */
    private static void requireShapes(OpContext ctx, TensorInfo in, TensorInfo out) throws PrepareException {
        if (in.shape().length != 4 || out.shape().length != 4) {
            throw new PrepareException(ctx.where() + ": input " + in.describe() + " and output " + out.describe()
                    + " must be 4-D NHWC");
        }
        if (in.dim(0) != out.dim(0) || in.dim(3) != out.dim(3)) {
            throw new PrepareException(ctx.where() + ": output " + out.describe()
                    + " must keep the batches and channels of " + in.describe());
        }
    }

    /** The block with every field but the activation clamp set: strides, window, padding, shapes. */
    private static ParamBlock window(OpContext ctx, TensorInfo in, TensorInfo out, boolean average)
            throws PrepareException {
        OpOptions o = ctx.options();
        int strideH = o.integer("stride_h", 1);
        int strideW = o.integer("stride_w", 1);
        int filterH = o.integer("filter_height", 1);
        int filterW = o.integer("filter_width", 1);
        if (strideH < 1 || strideW < 1 || filterH < 1 || filterW < 1) {
            throw new PrepareException(ctx.where() + ": strides and filter size must be positive");
        }
        boolean same = PoolingGeometry.same(ctx, o.string("padding", "SAME"));
        int inH = in.dim(1);
        int inW = in.dim(2);
        int[] pads = PoolingGeometry.paddingHeightWidth(same, inH, inW, filterH, filterW, strideH, strideW);
        int padH = pads[0];
        int padW = pads[1];
        int outH = out.dim(1);
        int outW = out.dim(2);
        if (average && (!PoolingGeometry.windowsCover(outH, strideH, padH, filterH, inH)
                || !PoolingGeometry.windowsCover(outW, strideW, padW, filterW, inW))) {
            throw new PrepareException(ctx.where() + ": output " + out.describe()
                    + " has a pooling window outside input " + in.describe());
        }
        ParamBlock f = ParamBlock.of(P_SIZE);
        f.set(P_BATCHES, in.dim(0));
        f.set(P_IN_H, inH);
        f.set(P_IN_W, inW);
        f.set(P_DEPTH, in.dim(3));
        f.set(P_OUT_H, outH);
        f.set(P_OUT_W, outW);
        f.set(P_STRIDE_H, strideH);
        f.set(P_STRIDE_W, strideW);
        f.set(P_FILTER_H, filterH);
        f.set(P_FILTER_W, filterW);
        f.set(P_PAD_H, padH);
        f.set(P_PAD_W, padW);
        return f;
    }
}
