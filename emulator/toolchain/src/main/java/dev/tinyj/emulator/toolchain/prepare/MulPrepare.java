package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Mul.P_ACT_MAX;
import static dev.tinyj.runtime.kernels.Mul.P_ACT_MIN;
import static dev.tinyj.runtime.kernels.Mul.P_INPUT1_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_INPUT2_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_OFFSET;
import static dev.tinyj.runtime.kernels.Mul.P_OUTPUT_SHIFT;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Prepare of MUL (int8; kernel {@code dev.tinyj.runtime.kernels.Mul}), as TFLM's
 * {@code CalculateOpDataMul} ({@code tensorflow/lite/micro/kernels/mul_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): activation clamp by
 * {@code CalculateActivationRangeQuantized}; {@code real = (double) s1 · (double) s2 / (double) s_out}
 * (left to right) through {@code QuantizeMultiplier}; offsets the negated input zero points and
 * the output zero point. Broadcasting by {@link BinaryBroadcastPlan}. Non-int8 MUL is refused.
 */
public final class MulPrepare implements OpPrepare {
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
        int[] f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        f[P_INPUT1_OFFSET / 4] = -qa.zeroPoint0();
        f[P_INPUT2_OFFSET / 4] = -qb.zeroPoint0();
        f[P_OUTPUT_MULTIPLIER / 4] = m.multiplier();
        f[P_OUTPUT_SHIFT / 4] = m.shift();
        f[P_OUTPUT_OFFSET / 4] = qo.zeroPoint0();
        f[P_ACT_MIN / 4] = act.min();
        f[P_ACT_MAX / 4] = act.max();
        return new PreparedOp(new ParamBlock().ints(f).bytes(), shape, 0);
    }
}
