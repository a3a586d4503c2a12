package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Sub;

/**
 * Prepare of SUB (int8; kernel {@link Sub}), as TFLM's {@code CalculateOpDataSub}
 * ({@code tensorflow/lite/micro/kernels/sub_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), in its order and, unlike ADD's, in <em>float</em>:
 * <ol>
 * <li>{@code twice_max = 2 · max(s1, s2)} (float);</li>
 * <li>{@code real1 = (double) (s1 / twice_max)}, {@code real2 = (double) (s2 / twice_max)},
 * {@code real_out = (double) (twice_max / ((1 << 20) · s_out))}: each quotient taken in float and
 * only then widened;</li>
 * <li>each through {@code QuantizeMultiplierSmallerThanOneExp} (QuantizeMultiplier; a factor that
 * is not in (0, 1), which TFLM's CHECKs abort on, is refused);</li>
 * <li>offsets: the negated input zero points and the output zero point; left shift 20;
 * activation clamp by {@code CalculateActivationRangeQuantized}.</li>
 * </ol>
 * Broadcasting by {@link BinaryBroadcastPlan} (TFLM's {@code BroadcastBinaryOpSimple}, up to rank
 * 6 here). int16, int32 and float32 SUB, which TFLM also runs, are refused as unsupported types.
 */
public final class SubPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("SUB", 41, Bridge.eval(Sub.class, 0, 1),
                    "int8, broadcasting to rank 6; ADD's left shift 20 with multipliers from float quotients")
            .withOptions("SubOptions", OptionField.activation(0), OptionField.of(1, "pot_scale_int16", Kind.BOOL, "true"))
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
        float twiceMax = 2 * Math.max(qa.scale0(), qb.scale0());
        QuantizedMultiplier m1 = smallerThanOne(ctx, qa.scale0() / twiceMax);
        QuantizedMultiplier m2 = smallerThanOne(ctx, qb.scale0() / twiceMax);
        QuantizedMultiplier mo = smallerThanOne(ctx, twiceMax / ((1 << AddPrepare.LEFT_SHIFT) * qo.scale0()));
        ActivationRange act = ActivationRange.int8(ctx.options().activation(), qo.scale0(), qo.zeroPoint0());
        ParamBlock f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        f.set(Sub.P_INPUT1_OFFSET, -qa.zeroPoint0());
        f.set(Sub.P_INPUT2_OFFSET, -qb.zeroPoint0());
        f.set(Sub.P_LEFT_SHIFT, AddPrepare.LEFT_SHIFT);
        f.set(Sub.P_INPUT1_MULTIPLIER, m1.multiplier());
        f.set(Sub.P_INPUT1_SHIFT, m1.shift());
        f.set(Sub.P_INPUT2_MULTIPLIER, m2.multiplier());
        f.set(Sub.P_INPUT2_SHIFT, m2.shift());
        f.set(Sub.P_OUTPUT_MULTIPLIER, mo.multiplier());
        f.set(Sub.P_OUTPUT_SHIFT, mo.shift());
        f.set(Sub.P_OUTPUT_OFFSET, qo.zeroPoint0());
        f.set(Sub.P_ACT_MIN, act.min());
        f.set(Sub.P_ACT_MAX, act.max());
        return new PreparedOp(f.bytes(), shape, 0);
    }

    /**
     * {@code QuantizeMultiplierSmallerThanOneExp(real)}: TFLM CHECKs {@code 0 < real < 1} and a
     * shift ≤ 0; ADD's check ({@link AddPrepare#smallerThanOne}) after a positive factor. SUB passes
     * float quotients, SQUARED_DIFFERENCE double ones.
     */
    static QuantizedMultiplier smallerThanOne(OpContext ctx, double real) throws PrepareException {
        if (!(real > 0)) {
            throw new PrepareException(ctx.where() + ": rescale factor " + real
                    + " is not positive (a zero or non-finite scale)");
        }
        return AddPrepare.smallerThanOne(ctx, real);
    }
}
