package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.SquaredDifference;

/**
 * Prepare of SQUARED_DIFFERENCE (int8; kernel {@link SquaredDifference}), as TFLM's
 * {@code SquaredDifferencePrepare} and {@code PrepareQuantized}
 * ({@code tensorflow/lite/micro/kernels/squared_difference.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), in its order and in double:
 * <ol>
 * <li>two inputs of one type; int8 zero points in [−128, 127];</li>
 * <li>{@code twice_max = 2.0 · (double) max(s1, s2)} (the max taken on the float scales);</li>
 * <li>{@code real1 = s1 / twice_max}, {@code real2 = s2 / twice_max}, each through
 * {@code QuantizeMultiplierSmallerThanOneExp} (a factor outside (0, 1) refused, as TFLM's CHECKs
 * abort on it);</li>
 * <li>{@code real_out = twice_max² / (double) ((1 << 14) · s_out)}, the denominator a float
 * product, through {@code QuantizeMultiplier} (any shift);</li>
 * <li>left shift 7, offsets the negated input zero points and the output zero point, clamp
 * [−128, 127] (no fused activation).</li>
 * </ol>
 * Broadcasting by {@link BinaryBroadcastPlan} (TFLM's {@code BroadcastBinaryOpSimple}, up to rank
 * 6 here). int16, int32 and float32, which TFLM also runs, are refused as unsupported types.
 */
public final class SquaredDifferencePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("SQUARED_DIFFERENCE", 99, Bridge.eval(SquaredDifference.class, 0, 1),
                    "int8, broadcasting to rank 6; left shift 7, output multiplier of twice_max² / (2^14 · s_out)")
            .withOptions("SquaredDifferenceOptions").withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY)
            .withMacs(MacCount.PER_OUTPUT);

    /** TFLM's left shift for int8 (255² · 2^14 fits int32). */
    static final int LEFT_SHIFT = 7;

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
        double twiceMax = 2.0 * (double) Math.max(qa.scale0(), qb.scale0());
        QuantizedMultiplier m1 = SubPrepare.smallerThanOne(ctx, (double) qa.scale0() / twiceMax);
        QuantizedMultiplier m2 = SubPrepare.smallerThanOne(ctx, (double) qb.scale0() / twiceMax);
        QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax * twiceMax
                / (double) ((1 << (2 * LEFT_SHIFT)) * qo.scale0()));
        ParamBlock f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        f.set(SquaredDifference.P_INPUT1_OFFSET, -qa.zeroPoint0());
        f.set(SquaredDifference.P_INPUT2_OFFSET, -qb.zeroPoint0());
        f.set(SquaredDifference.P_LEFT_SHIFT, LEFT_SHIFT);
        f.set(SquaredDifference.P_INPUT1_MULTIPLIER, m1.multiplier());
        f.set(SquaredDifference.P_INPUT1_SHIFT, m1.shift());
        f.set(SquaredDifference.P_INPUT2_MULTIPLIER, m2.multiplier());
        f.set(SquaredDifference.P_INPUT2_SHIFT, m2.shift());
        f.set(SquaredDifference.P_OUTPUT_MULTIPLIER, mo.multiplier());
        f.set(SquaredDifference.P_OUTPUT_SHIFT, mo.shift());
        f.set(SquaredDifference.P_OUTPUT_OFFSET, qo.zeroPoint0());
        f.set(SquaredDifference.P_ACT_MIN, -128);
        f.set(SquaredDifference.P_ACT_MAX, 127);
        return new PreparedOp(f.bytes(), shape, 0);
    }
}
