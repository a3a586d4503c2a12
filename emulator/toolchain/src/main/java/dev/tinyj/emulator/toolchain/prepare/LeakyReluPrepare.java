package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.LeakyRelu;

/**
 * Prepare of LEAKY_RELU (int8; kernel {@link LeakyRelu}), as TFLM's {@code CalculateOpDataLeakyRelu}
 * ({@code tensorflow/lite/micro/kernels/leaky_relu_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): the zero points as they are;
 * {@code QuantizeMultiplier((double) (input_scale · alpha / output_scale))} and
 * {@code QuantizeMultiplier((double) (input_scale / output_scale))}, each quotient taken in
 * <em>float</em> (left to right) and only then widened, as TFLM does. Input and output int8 of the
 * same shape; int16 and float32 LEAKY_RELU (which TFLM also runs) are refused as unsupported
 * types.
 */
public final class LeakyReluPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("LEAKY_RELU", 98, Bridge.eval(LeakyRelu.class, 0),
                    "int8; alpha and identity multipliers from float quotients; negative alpha as TFLM")
            .withOptions("LeakyReluOptions", OptionField.of(0, "alpha", Kind.FLOAT, "0.0"))
            .withInPlace(InPlaceKind.UNARY);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        Int8Operand.Unary u = Int8Operand.unary(ctx);
        TensorInfo in = u.in();
        TensorInfo out = u.out();
        Quantization qi = u.qi();
        Quantization qo = u.qo();
        float alpha = ctx.options().real("alpha", 0.0f);
        QuantizedMultiplier a = QuantizedMultiplier.of((double) (qi.scale0() * alpha / qo.scale0()));
        QuantizedMultiplier id = QuantizedMultiplier.of((double) (qi.scale0() / qo.scale0()));
        ParamBlock b = ParamBlock.of(LeakyRelu.P_SIZE)
                .set(LeakyRelu.P_COUNT, in.flatSize())
                .set(LeakyRelu.P_INPUT_ZERO_POINT, qi.zeroPoint0())
                .set(LeakyRelu.P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                .set(LeakyRelu.P_ALPHA_MULTIPLIER, a.multiplier()).set(LeakyRelu.P_ALPHA_SHIFT, a.shift())
                .set(LeakyRelu.P_IDENTITY_MULTIPLIER, id.multiplier()).set(LeakyRelu.P_IDENTITY_SHIFT, id.shift());
        return new PreparedOp(b.bytes(), out.shape().clone(), 0);
    }
}
