package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;

/**
 * Host evaluation of the shape operators the compiler folds into constants (the Keras reshape
 * pattern {@code SHAPE → STRIDED_SLICE → PACK → RESHAPE}), each exactly as TFLM's reference
 * kernel at tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 computes it. All three take and
 * give int32 tensors (little-endian bytes); TFLM runs them at every inference, TinyJ once, at
 * compile time.
 *
 * <ul>
 *   <li><b>SHAPE</b> ({@code micro/kernels/shape.cc}): the input's dims as int32; only its shape
 *       is read, so it need not be a constant. The output must be int32 of shape {@code [rank]}
 *       (TFLM refuses another output type).</li>
 *   <li><b>STRIDED_SLICE</b> on an int32 constant ({@code micro/kernels/strided_slice.cc},
 *       {@code reference_ops::StridedSlice}): the same checks, masks, negative indices and shrunk
 *       axes as {@link StridedSlicePrepare} (one {@link StridedSlicePrepare#slice} computes both).</li>
 *   <li><b>PACK</b> of int32 constants ({@code micro/kernels/pack.cc} {@code PackImpl}): a negative
 *       axis counts from the output's rank; {@code outer} = product of output dims before the axis,
 *       {@code copy} = product after it; input {@code i}'s row {@code k} goes to output element
 *       {@code (k·values_count + i)·copy}. TFLM has no prepare for PACK and trusts the declared
 *       output shape; TinyJ requires it to be the inputs' shape with {@code values_count} inserted
 *       at the axis, and all inputs to have one shape.</li>
 * </ul>
 */
public final class ConstantEval {
    private ConstantEval() {
    }

    /** The builtin operators this class evaluates. */
    public static final Set<String> OPS = Set.of("SHAPE", "STRIDED_SLICE", "PACK");

    /** Whether {@code op} reads the data of input {@code k} (SHAPE reads only its input's shape). */
    public static boolean readsData(String op, int k) {
        return !op.equals("SHAPE");
    }

    /**
     * Evaluates operator {@code ctx} (one of {@link #OPS}) on its constant inputs.
     *
     * @return the output's bytes, little-endian int32, as many as its declared shape holds
     * @throws PrepareException when the operator is not one of {@link #OPS}, a type is not int32, an
     *     input it reads is not constant, or a shape or option is not what TFLM's kernel takes
     */
    public static byte[] evaluate(OpContext ctx) throws PrepareException {
        TensorInfo output = ctx.output();
        if (output.type() != DType.INT32) {
            throw fail(ctx, "output " + output.describe() + " must be int32 to be evaluated at compile time");
        }
        int[] values = switch (ctx.op()) {
            case "SHAPE" -> shape(ctx);
            case "STRIDED_SLICE" -> stridedSlice(ctx);
            case "PACK" -> pack(ctx);
            default -> throw fail(ctx, "is not evaluated at compile time");
        };
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static int[] shape(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 1);
        int[] dims = ctx.input(0).shape().clone();
        ShapeOpChecks.requireShape(ctx, new int[] {dims.length});
        return dims;
    }

    private static int[] stridedSlice(OpContext ctx) throws PrepareException {
        TensorInfo input = ctx.input(0);
        int[] in = constantInt32(ctx, input, "input");
        StridedSlicePrepare.Slice s = StridedSlicePrepare.slice(ctx);
        int n = StridedSlicePrepare.KERNEL_DIMS;
        int[] rowStride = new int[n];
        rowStride[n - 1] = 1;
        for (int k = n - 2; k >= 0; k--) {
            rowStride[k] = rowStride[k + 1] * s.dims()[k + 1];
        }
        int[] out = new int[ShapeOpChecks.product(s.shape())];
        int[] at = new int[] {0};
        visit(s, rowStride, 0, 0, in, out, at);
        if (at[0] != out.length) {
            throw fail(ctx, "slice of " + input.describe() + " gives " + at[0] + " values, output "
                    + ctx.output().describe() + " holds " + out.length);
        }
        return out;
    }

    /** The kernel's loop over axis {@code k} and those after it, from input element {@code base}. */
    private static void visit(StridedSlicePrepare.Slice s, int[] rowStride, int k, int base, int[] in, int[] out,
            int[] at) {
        int stride = s.stride()[k];
        int stop = s.stop()[k];
        for (int i = s.start()[k]; stride > 0 ? i < stop : i > stop; i += stride) {
            int e = base + i * rowStride[k];
            if (k == rowStride.length - 1) {
                if (at[0] < out.length) {
                    out[at[0]] = in[e];
                }
                at[0]++;
            } else {
                visit(s, rowStride, k + 1, e, in, out, at);
            }
        }
    }

    private static int[] pack(OpContext ctx) throws PrepareException {
        int count = ctx.options().integer("values_count", 0);
        if (count < 1 || count != ctx.inputs().size()) {
            throw fail(ctx, "values_count " + count + " does not match its " + ctx.inputs().size() + " inputs");
        }
        int[] inShape = ctx.input(0).shape();
        int rank = inShape.length + 1;
        int axis = ctx.options().integer("axis", 0);
        if (axis < 0) {
            axis += rank;
        }
        if (axis < 0 || axis >= rank) {
            throw fail(ctx, "axis " + ctx.options().integer("axis", 0) + " is outside the output's " + rank + " dims");
        }
        int[][] in = new int[count][];
        for (int i = 0; i < count; i++) {
            TensorInfo t = ctx.input(i);
            if (t == null || !Arrays.equals(t.shape(), inShape)) {
                throw fail(ctx, "input " + i + " must have the shape of input 0, "
                        + Arrays.toString(inShape).replace(" ", ""));
            }
            in[i] = constantInt32(ctx, t, "input " + i);
        }
        int[] outShape = new int[rank];
        for (int d = 0, j = 0; d < rank; d++) {
            outShape[d] = d == axis ? count : inShape[j++];
        }
        ShapeOpChecks.requireShape(ctx, outShape);
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= outShape[d];
        }
        int copy = 1;
        for (int d = axis + 1; d < rank; d++) {
            copy *= outShape[d];
        }
        int[] out = new int[outer * count * copy];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < outer; k++) {
                System.arraycopy(in[i], copy * k, out, (k * count + i) * copy, copy);
            }
        }
        return out;
    }

    private static int[] constantInt32(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        int[] v = ShapeOpChecks.constInt32(ctx, t, role);
        if (v.length != ShapeOpChecks.product(t.shape())) {
            throw fail(ctx, role + " " + t.describe() + " holds " + v.length + " values");
        }
        return v;
    }
}
