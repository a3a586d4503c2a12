package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.ArgMinMax;

/**
 * ARG_MAX and ARG_MIN prepare (kernel {@link ArgMinMax}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/arg_min_max.cc} (which has no
 * prepare: its {@code Eval} checks the types) and {@code reference/arg_min_max.h}: two inputs, an
 * int32 axis (TFLM reads its first element; a negative axis counts from the end), an int32 output
 * of the input's shape without the axis; TFLM errors on any other output or axis type. The
 * options' {@code output_type} is not read: TFLM's kernel goes by the output tensor's type.
 *
 * <p>Refused beyond TFLM: a non-constant axis (folded into the parameter block), an axis tensor
 * without exactly one element, an axis outside [−rank, rank) or of size 0 and a scalar input
 * (TFLM only debug-checks these), a declared output shape other than the input's without the
 * axis. A float32 input (which TFLM also runs) is refused as an unsupported type.
 */
public final class ArgMinMaxPrepare implements OpDeclaration {
    private static final String SUMMARY = "int8 input, int32 output (TFLM writes no int64); first index on ties; "
            + "axis folded";
    private static final OpSpec ARG_MAX = OpSpec.of("ARG_MAX", 56, Bridge.eval(ArgMinMax.class, 0), SUMMARY)
            .withOptions("ArgMaxOptions").withOperands(Operands.of(2, 2, 1).folding(1));
    private static final OpSpec ARG_MIN = OpSpec.of("ARG_MIN", 79, Bridge.eval(ArgMinMax.class, 0), SUMMARY)
            .withOptions("ArgMinOptions").withOperands(Operands.of(2, 2, 1).folding(1));

    private final OpSpec spec;

    private ArgMinMaxPrepare(OpSpec spec) {
        this.spec = spec;
    }

    /** ARG_MAX's declaration and prepare. */
    public static ArgMinMaxPrepare argMax() {
        return new ArgMinMaxPrepare(ARG_MAX);
    }

    /** ARG_MIN's declaration and prepare. */
    public static ArgMinMaxPrepare argMin() {
        return new ArgMinMaxPrepare(ARG_MIN);
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 2);
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        ShapeOpChecks.requireInt8(ctx, input, "input");
        if (output.type() != DType.INT32) {
            throw PrepareException.unsupportedType(ctx.where(), output, "output",
                    "int32 (the only output type TFLM's " + spec.name() + " writes)");
        }
        int[] axis = ShapeOpChecks.constInt32(ctx, ctx.input(1), "axis");
        int[] dims = input.shape();
        int rank = dims.length;
        if (axis.length != 1) {
            throw fail(ctx, "axis " + ctx.input(1).describe() + " must hold one value, not " + axis.length);
        }
        if (rank == 0 || axis[0] < -rank || axis[0] >= rank) {
            throw fail(ctx, "axis " + axis[0] + " is out of range for input " + input.describe());
        }
        int a = axis[0] < 0 ? axis[0] + rank : axis[0];
        if (dims[a] == 0) {
            throw fail(ctx, "axis " + axis[0] + " of input " + input.describe() + " has size 0: no index to give");
        }
        int[] shape = new int[rank - 1];
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < rank; d++) {
            if (d < a) {
                outer *= dims[d];
                shape[d] = dims[d];
            } else if (d > a) {
                inner *= dims[d];
                shape[d - 1] = dims[d];
            }
        }
        ShapeOpChecks.requireShape(ctx, shape);
        ParamBlock fields = ParamBlock.of(ArgMinMax.P_SIZE)
                .set(ArgMinMax.P_OUTER, outer)
                .set(ArgMinMax.P_AXIS_SIZE, dims[a])
                .set(ArgMinMax.P_INNER, inner)
                .set(ArgMinMax.P_FLIP, spec == ARG_MIN ? -1 : 0);
        return new PreparedOp(fields.bytes(), shape, 0);
    }
}
