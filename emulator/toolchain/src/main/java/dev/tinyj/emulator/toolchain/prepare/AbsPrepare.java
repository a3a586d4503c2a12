package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Abs;

/**
 * Prepare of ABS (int8; kernel {@link Abs}), as TFLM's {@code PrepareAbsRsqrt<IsAbsSupportedType,
 * kAbsNameId>} ({@code tensorflow/lite/micro/kernels/elementwise.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): one input; input and output int8 with affine
 * quantization; the zero points as they are; {@code needs_rescale = input_scale != output_scale}
 * (a float compare), and only then {@code QuantizeMultiplier((double) (input_scale /
 * output_scale))}, the quotient taken in float. TFLM takes the first scale and zero point of each
 * tensor; TinyJ requires per-tensor quantization, and an output of the input's shape (TFLM writes
 * as many elements as the input has, unchecked). int16 and float32 ABS, which TFLM also runs, are
 * refused as unsupported types.
 */
public final class AbsPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("ABS", 101, Bridge.eval(Abs.class, 0),
                    "int8; requantized when the output scale differs (multiplier from a float quotient)")
            .withOptions("AbsOptions").withInPlace(InPlaceKind.UNARY);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        Int8Operand.Unary u = Int8Operand.unary(ctx);
        Quantization qi = u.qi();
        Quantization qo = u.qo();
        boolean rescale = qi.scale0() != qo.scale0();
        QuantizedMultiplier m = rescale ? QuantizedMultiplier.of((double) (qi.scale0() / qo.scale0()))
                : new QuantizedMultiplier(0, 0);
        ParamBlock b = ParamBlock.of(Abs.P_SIZE)
                .set(Abs.P_COUNT, u.in().flatSize())
                .set(Abs.P_INPUT_ZERO_POINT, qi.zeroPoint0())
                .set(Abs.P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                .set(Abs.P_RESCALE, rescale ? 1 : 0)
                .set(Abs.P_MULTIPLIER, m.multiplier()).set(Abs.P_SHIFT, m.shift());
        return new PreparedOp(b.bytes(), u.out().shape().clone(), 0);
    }
}
