package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Concatenation;

/**
 * CONCATENATION prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/concatenation.cc} {@code ConcatenationPrepare}: fused activation must be
 * NONE; every input has the first input's type; at most 10 inputs and 6 dims; for int8 each input's
 * scale and zero point equal the output's (no requantization: TFLM rejects otherwise); the axis may
 * be negative (counted from the output's rank). The shape checks TFLM leaves to debug asserts in
 * {@code reference_ops::Concatenation} (same rank, equal dims off the axis, axis dims adding up)
 * are errors here.
 */
public final class ConcatenationPrepare implements OpDeclaration {
    @Override
    public OpSpec spec() {
        return SPEC;
    }

    /** TFLM's {@code kMaxInputNum}. */
    static final int MAX_INPUTS = 10;
    /** {@code RuntimeShape::kMaxSmallSize}. */
    static final int MAX_DIMS = 6;

    private static final OpSpec SPEC = OpSpec.of("CONCATENATION", 2, Bridge.eachOperand(Concatenation.class, "evalOne"),
                    "int8, equal quantization required (TFLM copies); up to 6-D, 10 inputs")
            .withOptions("ConcatenationOptions", OptionField.of(0, "axis", Kind.INT, "0"), OptionField.activation(1))
            .withOperands(Operands.of(1, MAX_INPUTS, MAX_INPUTS));

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo output = ctx.output();
        int count = ctx.inputs().size();
        for (int i = 0; i < count; i++) {
            ShapeOpChecks.requireInt8(ctx, ctx.input(i), "input" + (i + 1));
        }
        ShapeOpChecks.requireInt8(ctx, output, "output");
        if (ctx.options().activation() != ActivationRange.NONE) {
            throw fail(ctx, "fused activation " + ctx.options().string("fused_activation_function", "")
                    + " is not supported (TFLM requires NONE)");
        }
        if (count < 1 || count > MAX_INPUTS) {
            throw fail(ctx, count + " inputs; 1 to " + MAX_INPUTS + " are supported");
        }
        int rank = output.shape().length;
        int axis = ctx.options().integer("axis", 0);
        int positive = axis >= 0 ? axis : rank + axis;
        if (positive < 0 || positive >= rank) {
            throw fail(ctx, "axis " + axis + " is out of range for output " + output.describe());
        }
        int axisSum = 0;
        for (int i = 0; i < count; i++) {
            TensorInfo in = ctx.input(i);
            ShapeOpChecks.requireRankAtMost(ctx, in, MAX_DIMS, "input" + (i + 1));
            if ((double) ShapeOpChecks.scale(in) != (double) ShapeOpChecks.scale(output)
                    || ShapeOpChecks.zeroPoint(in) != ShapeOpChecks.zeroPoint(output)) {
                throw fail(ctx, "input" + (i + 1) + " " + in.describe() + " is quantized differently from output "
                        + output.describe() + "; int8 concatenation needs equal scale and zero point");
            }
            if (in.shape().length != rank) {
                throw fail(ctx, "input" + (i + 1) + " " + in.describe() + " has another rank than output "
                        + output.describe());
            }
            for (int d = 0; d < rank; d++) {
                if (d != positive && in.shape()[d] != output.shape()[d]) {
                    throw fail(ctx, "input" + (i + 1) + " " + in.describe() + " differs from output "
                            + output.describe() + " in dimension " + d);
                }
            }
            axisSum += in.shape()[positive];
        }
        int[] inferred = output.shape().clone();
        inferred[positive] = axisSum;
        ShapeOpChecks.requireShape(ctx, inferred);

        int outer = 1;
        for (int d = 0; d < positive; d++) {
            outer *= output.shape()[d];
        }
        int inner = 1;
        for (int d = positive + 1; d < rank; d++) {
            inner *= output.shape()[d];
        }
        ParamBlock fields = ParamBlock.of(Concatenation.P_INPUTS + Concatenation.P_INPUT_STRIDE * count);
        fields.set(Concatenation.P_OUTER, outer);
        fields.set(Concatenation.P_ROW, axisSum * inner);
        fields.set(Concatenation.P_INPUT_COUNT, count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            int slice = ctx.input(i).shape()[positive] * inner;
            int entry = Concatenation.P_INPUTS + Concatenation.P_INPUT_STRIDE * i;
            fields.set(entry, slice); // the kernel's entry layout: slice length, then its offset in a row
            fields.set(entry + 4, at);
            at += slice;
        }
        return new PreparedOp(fields.bytes(), inferred, 0);
    }
}
