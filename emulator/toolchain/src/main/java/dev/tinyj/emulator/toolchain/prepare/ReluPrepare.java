package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Relu;

/**
 * Prepare of RELU and RELU6 (int8; kernel {@link Relu}), tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/activations_common.cc}.
 *
 * <ul>
 * <li>RELU, {@code CalculateReluOpData<int8_t>}: {@code QuantizeMultiplier((double) (input_scale
 * / output_scale))} (the quotient in float, then widened), both zero points,
 * {@code act_min = max(−128, output_zero_point + (int) roundf(0 / output_scale))} (the output
 * zero point), {@code act_max = 127} (the float bound is +∞).</li>
 * <li>RELU6, {@code Relu6Prepare}: the input's quantization only (TFLM ignores the output's):
 * {@code zero = input_zero_point}, {@code six = FloatToQuantizedType<int8_t>(6.0f, input_scale,
 * input_zero_point)} ({@code round(6 / scale) + zero_point} clamped to int8), identity
 * rescaling.</li>
 * </ul>
 * Input and output int8 of the same shape; int16 and float32 (which TFLM also runs) are refused as
 * unsupported types. A RELU6 input scale that is not positive (TFLM's clamp would then differ from
 * a max/min clamp) or so small that {@code 6 / scale} leaves int32 (TFLM's conversion is
 * undefined near there) is refused.
 */
public final class ReluPrepare implements OpDeclaration {
    private static final OpSpec RELU = OpSpec.of("RELU", 19, Bridge.eval(Relu.class, 0),
                    "int8; multiplier from input/output scale, clamped below at the output zero point")
            .withInPlace(InPlaceKind.UNARY);
    private static final OpSpec RELU6 = OpSpec.of("RELU6", 21, Bridge.eval(Relu.class, 0),
                    "int8; Relu kernel with identity rescaling, clamped to the input's quantized 0 and 6")
            .withInPlace(InPlaceKind.UNARY);

    private final boolean six;

    private ReluPrepare(boolean six) {
        this.six = six;
    }

    /** RELU. */
    public static ReluPrepare relu() {
        return new ReluPrepare(false);
    }

    /** RELU6. */
    public static ReluPrepare relu6() {
        return new ReluPrepare(true);
    }

    @Override
    public OpSpec spec() {
        return six ? RELU6 : RELU;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        Int8Operand.Unary u = Int8Operand.unary(ctx);
        TensorInfo in = u.in();
        TensorInfo out = u.out();
        Quantization qi = u.qi();
        Quantization qo = u.qo();
        ParamBlock b = ParamBlock.of(Relu.P_SIZE).set(Relu.P_COUNT, in.flatSize());
        if (six) {
            int zero = qi.zeroPoint0();
            b.set(Relu.P_INPUT_ZERO_POINT, zero).set(Relu.P_OUTPUT_ZERO_POINT, zero)
                    .set(Relu.P_ACT_MIN, zero).set(Relu.P_ACT_MAX, quantizedSix(ctx, qi.scale0(), zero));
            QuantizedMultiplier identity = QuantizedMultiplier.of(1.0);
            b.set(Relu.P_MULTIPLIER, identity.multiplier()).set(Relu.P_SHIFT, identity.shift());
        } else {
            QuantizedMultiplier m = QuantizedMultiplier.of((double) (qi.scale0() / qo.scale0()));
            int minBound = 0; // roundf(0.0f / output_scale): 0 for every non-zero output scale
            b.set(Relu.P_INPUT_ZERO_POINT, qi.zeroPoint0()).set(Relu.P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                    .set(Relu.P_MULTIPLIER, m.multiplier()).set(Relu.P_SHIFT, m.shift())
                    .set(Relu.P_ACT_MIN, Math.max(-128, qo.zeroPoint0() + minBound))
                    .set(Relu.P_ACT_MAX, 127);
        }
        return new PreparedOp(b.bytes(), out.shape().clone(), 0);
    }

    /** TFLM's {@code FloatToQuantizedType<int8_t>(6.0f, scale, zero_point)} (micro_utils.h). */
    private static int quantizedSix(OpContext ctx, float scale, int zeroPoint) throws PrepareException {
        float q = 6.0f / scale;
        if (!(scale > 0) || !(q < 0x1p30)) {
            throw new PrepareException(ctx.where() + ": input scale " + scale
                    + " is not positive or too small for a quantized 6");
        }
        int result = (int) Math.floor((double) q + 0.5) + zeroPoint; // round() of a positive float

        return Math.min(127, Math.max(-128, result));
    }
}
