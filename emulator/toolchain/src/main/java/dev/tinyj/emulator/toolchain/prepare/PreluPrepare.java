package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.BinaryBroadcast;
import dev.tinyj.runtime.kernels.Prelu;

/**
 * Prepare of PRELU (int8; kernel {@link Prelu}), as TFLM's {@code PreluPrepare} and
 * {@code CalculatePreluParams} ({@code tensorflow/lite/micro/kernels/prelu_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), in double: {@code QuantizeMultiplier((double) s_in /
 * (double) s_out)} and {@code QuantizeMultiplier((double) s_in · (double) s_alpha / (double) s_out)}
 * (left to right); offsets the negated input and alpha zero points and the output zero point. Input
 * (operand 0), alpha (operand 1, usually a constant) and output int8 with per-tensor quantization;
 * the output the broadcast of the two ({@link BinaryBroadcastPlan}, rank up to 6). TFLM has no
 * fused activation here: the clamp is the int8 range. int16 (with int8 alpha) and float32 PRELU,
 * which TFLM also runs, are refused as unsupported types.
 */
public final class PreluPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("PRELU", 54, Bridge.eval(Prelu.class, 0, 1),
                    "int8, alpha broadcast to rank 6; identity and alpha multipliers from double quotients")
            .withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY).withMacs(MacCount.PER_OUTPUT);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 2);
        TensorInfo in = ctx.input(0);
        TensorInfo alpha = ctx.input(1);
        TensorInfo out = ctx.output();
        Quantization qi = Int8Operand.require(ctx, in, "input");
        Quantization qa = Int8Operand.require(ctx, alpha, "alpha");
        Quantization qo = Int8Operand.require(ctx, out, "output");
        int[] shape = BinaryBroadcastPlan.outputShape(ctx, in, alpha, out);
        QuantizedMultiplier m1 = QuantizedMultiplier.of((double) qi.scale0() / (double) qo.scale0());
        QuantizedMultiplier m2 = QuantizedMultiplier.of((double) qi.scale0() * (double) qa.scale0()
                / (double) qo.scale0());
        ParamBlock f = BinaryBroadcastPlan.header(in.shape(), alpha.shape(), shape);
        f.set(Prelu.P_INPUT_OFFSET, -qi.zeroPoint0());
        f.set(Prelu.P_ALPHA_OFFSET, -qa.zeroPoint0());
        f.set(Prelu.P_OUTPUT_MULTIPLIER_1, m1.multiplier());
        f.set(Prelu.P_OUTPUT_SHIFT_1, m1.shift());
        f.set(Prelu.P_OUTPUT_MULTIPLIER_2, m2.multiplier());
        f.set(Prelu.P_OUTPUT_SHIFT_2, m2.shift());
        f.set(Prelu.P_OUTPUT_OFFSET, qo.zeroPoint0());
        return new PreparedOp(f.reserved(Prelu.P_OUTPUT_OFFSET + 4, BinaryBroadcast.P_SIZE).bytes(), shape, 0);
    }
}
