package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Mul.P_ACT_MAX;
import static dev.tinyj.runtime.kernels.Mul.P_ACT_MIN;
import static dev.tinyj.runtime.kernels.Mul.P_INPUT1_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_INPUT2_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_SHIFT;
import static dev.tinyj.runtime.kernels.Mul.P_SIZE;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Mul;

/**
 * Prepare of MUL (int8; kernel {@code dev.tinyj.runtime.kernels.Mul}), as TFLM's
 * {@code CalculateOpDataMul} ({@code tensorflow/lite/micro/kernels/mul_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): activation clamp by
 * {@code CalculateActivationRangeQuantized}; {@code real = (double) s1 · (double) s2 / (double) s_out}
 * (left to right) through {@code QuantizeMultiplier}; offsets the negated input zero points and
 * the output zero point. Broadcasting by {@link BinaryBroadcastPlan}. Non-int8 MUL is refused.
 */
public final class MulPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("MUL", 18, Bridge.eval(Mul.class, 0, 1), "int8, broadcasting to rank 6")
            .withOptions("MulOptions", OptionField.activation(0))
            .withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY).withMacs(MacCount.PER_OUTPUT);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo a = ctx.input(0);
        TensorInfo b = ctx.input(1);
        TensorInfo out = ctx.output();
        Quantization qa = Int8Operand.require(ctx, a, "input1");
        Quantization qb = Int8Operand.require(ctx, b, "input2");
        Quantization qo = Int8Operand.require(ctx, out, "output");
        int[] shape = BinaryBroadcastPlan.outputShape(ctx, a, b, out);
        ActivationRange act = ActivationRange.int8(ctx.options().activation(), qo.scale0(), qo.zeroPoint0());
        double real = (double) qa.scale0() * (double) qb.scale0() / (double) qo.scale0();
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        ParamBlock f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        f.set(P_INPUT1_OFFSET, -qa.zeroPoint0());
        f.set(P_INPUT2_OFFSET, -qb.zeroPoint0());
        f.set(P_OUTPUT_MULTIPLIER, m.multiplier());
        f.set(P_OUTPUT_SHIFT, m.shift());
        f.set(P_OUTPUT_OFFSET, qo.zeroPoint0());
        f.set(P_ACT_MIN, act.min());
        f.set(P_ACT_MAX, act.max());
        return new PreparedOp(f.reserved(P_ACT_MAX + 4, P_SIZE).bytes(), shape, 0);
    }
}
