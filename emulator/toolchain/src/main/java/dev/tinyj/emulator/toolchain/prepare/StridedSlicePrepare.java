package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.StridedSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * STRIDED_SLICE prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/strided_slice_common.cc} {@code StridedSlicePrepare}/{@code CheckOutputSize}:
 * four inputs; input of at most 4 dims; constant begin, end and strides; each stride non-zero;
 * output dim = max(0, ceil((stop − start) / (float) stride)) with start/stop from
 * {@code strided_slice_logic.h} {@code StartForAxis}/{@code StopForAxis}, shrunk axes (length 1)
 * left out; the declared output must match.
 *
 * <p>The kernel's start and stop come from the other pair of functions TFLM's kernel uses,
 * {@code StridedSliceStartForAxis}/{@code StridedSliceEndForAxis}, on the indices padded to 5
 * dims by {@code StridedSlicePadIndices} (leading dims: begin 0, end 1, stride 1, both masks set).
 *
 * <p>TFLM's micro kernel sets {@code ellipsis_mask} and {@code new_axis_mask} to 0 and never sets
 * {@code offset}, whatever the model says; TinyJ refuses a model that sets any of them rather than
 * silently slice something else. It also refuses a shrunk axis whose begin index lies outside the
 * input (TFLite rejects it; TFLM accepts it and its kernel then writes no output at all).
 */
public final class StridedSlicePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("STRIDED_SLICE", 45, Bridge.eval(StridedSlice.class, 0),
                    "int8, up to 4-D; begin/end/shrink masks; begin, end, strides folded")
            .withOptions("StridedSliceOptions", OptionField.of(0, "begin_mask", Kind.INT, "0"),
                    OptionField.of(1, "end_mask", Kind.INT, "0"), OptionField.of(2, "ellipsis_mask", Kind.INT, "0"),
                    OptionField.of(3, "new_axis_mask", Kind.INT, "0"),
                    OptionField.of(4, "shrink_axis_mask", Kind.INT, "0"), OptionField.of(5, "offset", Kind.BOOL, "false"))
            .withOperands(Operands.of(1, 4, 1).folding(1, 2, 3));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    /** TFLM's {@code kMaxDim}. */
    static final int MAX_DIMS = 4;
    /** Dims the kernel loops over. */
    static final int KERNEL_DIMS = 5;

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.int8Data(ctx, 4);
        Slice slice = slice(ctx);
        ParamBlock fields = ParamBlock.of(StridedSlice.P_SIZE);
        for (int k = 0; k < KERNEL_DIMS; k++) {
            fields.set(StridedSlice.P_DIMS + 4 * k, slice.dims()[k]);
            fields.set(StridedSlice.P_START + 4 * k, slice.start()[k]);
            fields.set(StridedSlice.P_STOP + 4 * k, slice.stop()[k]);
            fields.set(StridedSlice.P_STRIDE + 4 * k, slice.stride()[k]);
        }
        return new PreparedOp(fields.bytes(), slice.shape(), 0);
    }

    /**
     * The slice TFLM's kernel takes, whatever the element type: the output shape and, per axis of
     * the input padded to {@link #KERNEL_DIMS} dims, its size and the kernel's start, stop and
     * stride. The kernel visits, in row-major order, every index {@code i} of each axis from start
     * while {@code i < stop} (stride > 0) or {@code i > stop} (stride < 0).
     */
    record Slice(int[] shape, int[] dims, int[] start, int[] stop, int[] stride) {
    }

    /**
     * Checks and computes the slice of operator {@code ctx} as {@link #prepare} does, without its
     * type checks (the int32 constant folding of {@code ConstantEval} uses it too).
     *
     * @throws PrepareException for every refusal {@link #prepare} documents except the types
     */
    static Slice slice(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 4);
        TensorInfo input = ctx.input(0);
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        int[] begin = ShapeOpChecks.constInt32(ctx, ctx.input(1), "begin");
        int[] end = ShapeOpChecks.constInt32(ctx, ctx.input(2), "end");
        int[] strides = ShapeOpChecks.constInt32(ctx, ctx.input(3), "strides");
        for (String unsupported : new String[] {"ellipsis_mask", "new_axis_mask"}) {
            if (ctx.options().integer(unsupported, 0) != 0) {
                throw fail(ctx, unsupported + " is not supported (TFLM's micro kernel ignores it)");
            }
        }
        if (ctx.options().bool("offset", false)) {
            throw fail(ctx, "offset is not supported (TFLM's micro kernel ignores it)");
        }
        int beginMask = ctx.options().integer("begin_mask", 0);
        int endMask = ctx.options().integer("end_mask", 0);
        int shrinkMask = ctx.options().integer("shrink_axis_mask", 0);
        int[] dims = input.shape();
        int rank = dims.length;
        if (begin.length < rank || end.length < rank || strides.length < rank) {
            throw fail(ctx, "begin, end and strides need " + rank + " values each for input " + input.describe());
        }
        List<Integer> shape = new ArrayList<>();
        for (int axis = 0; axis < rank; axis++) {
            if (strides[axis] == 0) {
                throw fail(ctx, "stride value has to be non-zero (axis " + axis + ")");
            }
            int start = StridedSliceAxis.startForAxis(beginMask, begin[axis], strides[axis], dims[axis], axis);
            int stop = StridedSliceAxis.stopForAxis(endMask, shrinkMask, end[axis], strides[axis], dims[axis], axis,
                    start);
            boolean shrink = (shrinkMask & (1 << axis)) != 0;
            if (shrink && strides[axis] < 0) {
                // TFLM's kernel stops a shrunk axis at start + 1 whatever the stride's sign, so with a
                // negative stride it visits nothing and the output keeps a dead tensor's bytes;
                // TensorFlow rejects such a slice
                throw fail(ctx, "shrunk axis " + axis + " has negative stride " + strides[axis]
                        + " (TFLM would write no output; TensorFlow rejects it)");
            }
            if (shrink) {
                int index = begin[axis] < 0 ? begin[axis] + dims[axis] : begin[axis];
                if (index < 0 || index >= dims[axis]) {
                    // TFLM would accept it and its kernel would write nothing for this output
                    throw fail(ctx, "shrunk axis " + axis + " index " + begin[axis] + " is outside input "
                            + input.describe());
                }
                stop = start + 1;
            }
            int length = (int) Math.ceil((float) (stop - start) / (float) strides[axis]);
            if (!shrink) {
                shape.add(Math.max(length, 0));
            }
        }
        int[] inferred = shape.stream().mapToInt(Integer::intValue).toArray();
        ShapeOpChecks.requireShape(ctx, inferred);

        // StridedSlicePadIndices to 5 dims, then the kernel's start/end per axis
        int pad = KERNEL_DIMS - rank;
        int[] kDims = new int[KERNEL_DIMS];
        int[] kStart = new int[KERNEL_DIMS];
        int[] kStop = new int[KERNEL_DIMS];
        int[] kStride = new int[KERNEL_DIMS];
        int paddedBegin = (beginMask << pad) | ((1 << pad) - 1);
        int paddedEnd = (endMask << pad) | ((1 << pad) - 1);
        int paddedShrink = shrinkMask << pad;
        for (int k = 0; k < KERNEL_DIMS; k++) {
            boolean real = k >= pad;
            int size = real ? dims[k - pad] : 1;
            int b = real ? begin[k - pad] : 0;
            int e = real ? end[k - pad] : 1;
            int s = real ? strides[k - pad] : 1;
            int start = StridedSliceAxis.kernelStart(paddedBegin, b, s, size, k);
            int stop = StridedSliceAxis.kernelEnd(paddedEnd, paddedShrink, e, s, size, k, start);
            kDims[k] = size;
            kStart[k] = start;
            kStop[k] = stop;
            kStride[k] = s;
        }
        long visited = 1;
        for (int k = 0; k < KERNEL_DIMS; k++) {
            int span = kStride[k] > 0 ? kStop[k] - kStart[k] : kStart[k] - kStop[k];
            visited *= Math.max(0, (span + Math.abs(kStride[k]) - 1) / Math.abs(kStride[k]));
        }
        long elements = 1;
        for (int d : inferred) {
            elements *= d;
        }
        if (visited != elements) { // no output byte may be left unwritten (or written past the end)
            throw fail(ctx, "the kernel would write " + visited + " of the output's " + elements + " elements");
        }
        return new Slice(inferred, kDims, kStart, kStop, kStride);
    }
}
