package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.util.Arrays;

/**
 * Checks shared by the prepare steps of the data-movement family (RESHAPE, CONCATENATION, PAD,
 * PADV2, MEAN, STRIDED_SLICE, TRANSPOSE): int8 activations, constant int32 index operands, and
 * messages that name the operator and the tensor.
 */
final class ShapeOpChecks {
    private ShapeOpChecks() {
    }

    /** A prepare failure naming the operator. */
    static PrepareException fail(OpContext ctx, String message) {
        return new PrepareException(ctx.where() + ": " + message);
    }

    /** Requires {@code t} to be int8 ("unsupported type" otherwise). */
    static void requireInt8(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() != DType.INT8) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, "int8");
        }
    }

    /** Requires exactly {@code n} inputs. */
    static void requireInputs(OpContext ctx, int n) throws PrepareException {
        if (ctx.inputs().size() != n) {
            throw fail(ctx, "expected " + n + " inputs, got " + ctx.inputs().size());
        }
    }

    /**
     * The checks every int8 data-movement op starts with: exactly {@code n} inputs, input 0 and the
     * output int8; returns input 0.
     */
    static TensorInfo int8Data(OpContext ctx, int n) throws PrepareException {
        requireInputs(ctx, n);
        TensorInfo input = ctx.input(0);
        requireInt8(ctx, input, "input");
        requireInt8(ctx, ctx.output(), "output");
        return input;
    }

    /** Requires at most {@code max} dimensions. */
    static void requireRankAtMost(OpContext ctx, TensorInfo t, int max, String role) throws PrepareException {
        if (t.shape().length > max) {
            throw fail(ctx, role + " " + t.describe() + " has " + t.shape().length + " dimensions; at most " + max
                    + " are supported");
        }
    }

    /** The values of a constant int32 operand. */
    static int[] constInt32(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() != DType.INT32) {
            throw fail(ctx, role + " " + t.describe() + " must be int32");
        }
        if (!t.isConstant()) {
            throw fail(ctx, "non-constant " + role + " " + t.describe() + " is not supported");
        }
        return t.int32Data();
    }

    /** Scale as TFLM's {@code params.scale} (0 when not quantized). */
    static float scale(TensorInfo t) {
        return t.quantization() == null ? 0f : t.quantization().scale0();
    }

    /** Zero point as TFLM's {@code params.zero_point} (0 when not quantized). */
    static int zeroPoint(TensorInfo t) {
        return t.quantization() == null ? 0 : t.quantization().zeroPoint0();
    }

    /** Requires the declared output shape to be {@code inferred}. */
    static void requireShape(OpContext ctx, int[] inferred) throws PrepareException {
        if (!Arrays.equals(ctx.output().shape(), inferred)) {
            throw fail(ctx, "output " + ctx.output().describe() + " disagrees with the inferred shape "
                    + Arrays.toString(inferred).replace(" ", ""));
        }
    }

    /** Product of dims. */
    static int product(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }
}
