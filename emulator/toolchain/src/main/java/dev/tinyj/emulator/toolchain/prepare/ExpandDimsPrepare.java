package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.Reshape;

/**
 * EXPAND_DIMS prepare (int8), as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/expand_dims.cc} {@code ExpandDimsPrepare}/{@code VerifyTensorDim}: two
 * inputs; a constant int32 axis of at most 1 dim (its first value is used); a negative axis
 * counts from the end ({@code rank + 1 + axis}); the declared output is the input shape with a 1
 * inserted at the axis. TFLM's {@code ExpandDimsEval} copies the elements unchanged, so the
 * kernel is RESHAPE's ({@link Reshape}: a byte copy, skipped when the planner aliases the output
 * to the input, which it does as for RESHAPE); the axis is folded (it only shapes the output).
 *
 * <p>Beyond TFLM, an axis below {@code −(rank + 1)} is refused (TFLM's check lets it through and
 * then reads the input's dims at a negative index), as is an empty axis tensor. Like TFLM it
 * checks no quantization. int8 only: float32 and int16, which TFLM also copies, are refused as
 * unsupported types.
 */
public final class ExpandDimsPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("EXPAND_DIMS", 70, Bridge.eval(Reshape.class, 0),
                    "int8; RESHAPE's kernel, aliased in the arena (kernel skipped) unless the input is a constant; axis folded")
            .withOptions("ExpandDimsOptions")
            .withOperands(Operands.of(2, 2, 1).folding(1)).withInPlace(InPlaceKind.ALIAS);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 2);
        TensorInfo axisTensor = ctx.input(1);
        if (axisTensor.shape().length > 1) {
            throw fail(ctx, "axis " + axisTensor.describe() + " must be a scalar or 1-D (one value)");
        }
        int[] axisValues = ShapeOpChecks.constInt32(ctx, axisTensor, "axis");
        if (axisValues.length == 0) {
            throw fail(ctx, "axis " + axisTensor.describe() + " has no value");
        }
        int[] in = input.shape();
        int rank = in.length;
        int axis = axisValues[0] < 0 ? rank + 1 + axisValues[0] : axisValues[0];
        if (axis < 0 || axis > rank) {
            throw fail(ctx, "axis " + axisValues[0] + " is out of range for a " + rank + "-D input (expected "
                    + -(rank + 1) + " to " + rank + ")");
        }
        int[] inferred = new int[rank + 1];
        for (int i = 0; i <= rank; i++) {
            inferred[i] = i < axis ? in[i] : i == axis ? 1 : in[i - 1];
        }
        ShapeOpChecks.requireShape(ctx, inferred);
        ParamBlock fields = ParamBlock.of(Reshape.P_SIZE).set(Reshape.P_BYTES, input.flatSize());
        return new PreparedOp(fields.bytes(), inferred, 0);
    }
}
