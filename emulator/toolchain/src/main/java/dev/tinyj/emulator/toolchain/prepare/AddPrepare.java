package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Add.P_ACT_MAX;
import static dev.tinyj.runtime.kernels.Add.P_ACT_MIN;
import static dev.tinyj.runtime.kernels.Add.P_INPUT1_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Add.P_INPUT1_OFFSET;
import static dev.tinyj.runtime.kernels.Add.P_INPUT1_SHIFT;
import static dev.tinyj.runtime.kernels.Add.P_INPUT2_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Add.P_INPUT2_OFFSET;
import static dev.tinyj.runtime.kernels.Add.P_INPUT2_SHIFT;
import static dev.tinyj.runtime.kernels.Add.P_LEFT_SHIFT;
import static dev.tinyj.runtime.kernels.Add.P_OUTPUT_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Add.P_OUTPUT_OFFSET;
import static dev.tinyj.runtime.kernels.Add.P_OUTPUT_SHIFT;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Add;

/**
 * Prepare of ADD (int8; kernel {@code dev.tinyj.runtime.kernels.Add}), as TFLM's
 * {@code CalculateOpDataAdd} ({@code tensorflow/lite/micro/kernels/add_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), in its order, in double:
 * <ol>
 * <li>{@code twice_max = 2 · (double) max(s1, s2)} (the max taken on the float scales);</li>
 * <li>{@code real1 = s1 / twice_max}, {@code real2 = s2 / twice_max},
 * {@code real_out = twice_max / ((1 << 20) · s_out)};</li>
 * <li>each through {@code QuantizeMultiplierSmallerThanOneExp} (QuantizeMultiplier, refusing a
 * positive shift as TFLM's CHECK does);</li>
 * <li>offsets: the negated input zero points and the output zero point; left shift 20;
 * activation clamp by {@code CalculateActivationRangeQuantized}.</li>
 * </ol>
 * Broadcasting by {@link BinaryBroadcastPlan}. int16 (and every other non-int8) ADD is refused.
 */
public final class AddPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("ADD", 0, Bridge.eval(Add.class, 0, 1),
                    "int8, broadcasting to rank 6; ADD's left shift 20 and per-input multipliers")
            .withOptions("AddOptions", OptionField.activation(0), OptionField.of(1, "pot_scale_int16", Kind.BOOL, "true"))
            .withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY).withMacs(MacCount.PER_OUTPUT);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    /** TFLM's left shift for int8 ADD. */
    static final int LEFT_SHIFT = 20;

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo a = ctx.input(0);
        TensorInfo b = ctx.input(1);
        TensorInfo out = ctx.output();
        Quantization qa = Int8Operand.require(ctx, a, "input1");
        Quantization qb = Int8Operand.require(ctx, b, "input2");
        Quantization qo = Int8Operand.require(ctx, out, "output");
        int[] shape = BinaryBroadcastPlan.outputShape(ctx, a, b, out);
        double twiceMax = 2 * (double) Math.max(qa.scale0(), qb.scale0());
        double real1 = (double) qa.scale0() / twiceMax;
        double real2 = (double) qb.scale0() / twiceMax;
        double realOut = twiceMax / ((1 << LEFT_SHIFT) * (double) qo.scale0());
        QuantizedMultiplier m1 = smallerThanOne(ctx, real1);
        QuantizedMultiplier m2 = smallerThanOne(ctx, real2);
        QuantizedMultiplier mo = smallerThanOne(ctx, realOut);
        ActivationRange act = ActivationRange.int8(ctx.options().activation(), qo.scale0(), qo.zeroPoint0());
        ParamBlock f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        f.set(P_INPUT1_OFFSET, -qa.zeroPoint0());
        f.set(P_INPUT2_OFFSET, -qb.zeroPoint0());
        f.set(P_LEFT_SHIFT, LEFT_SHIFT);
        f.set(P_INPUT1_MULTIPLIER, m1.multiplier());
        f.set(P_INPUT1_SHIFT, m1.shift());
        f.set(P_INPUT2_MULTIPLIER, m2.multiplier());
        f.set(P_INPUT2_SHIFT, m2.shift());
        f.set(P_OUTPUT_MULTIPLIER, mo.multiplier());
        f.set(P_OUTPUT_SHIFT, mo.shift());
        f.set(P_OUTPUT_OFFSET, qo.zeroPoint0());
        f.set(P_ACT_MIN, act.min());
        f.set(P_ACT_MAX, act.max());
        return new PreparedOp(f.bytes(), shape, 0);
    }

    /** {@code QuantizeMultiplierSmallerThanOneExp}: QuantizeMultiplier with shift ≤ 0 required. */
    static QuantizedMultiplier smallerThanOne(OpContext ctx, double real) throws PrepareException {
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        if (m.shift() > 0) {
            throw new PrepareException(ctx.where() + ": rescale factor " + real
                    + " is 1 or more (output scale too small for the input scales)");
        }
        return m;
    }
}
