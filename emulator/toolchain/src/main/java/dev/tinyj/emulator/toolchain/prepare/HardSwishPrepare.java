package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.HardSwish;

/**
 * Prepare of HARD_SWISH (int8; kernel {@link HardSwish}), as TFLM's {@code HardSwishPrepare}
 * ({@code tensorflow/lite/micro/kernels/hard_swish_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), in its float and double steps:
 * {@code hires_input_scale = (1/128f) · input_scale} (float);
 * output: {@code QuantizeMultiplier((double) (hires_input_scale / output_scale))}, the quotient in
 * float, then {@code DownScaleInt32ToInt16Multiplier}; the exponent must be ≤ 0 (TFLM's
 * {@code TF_LITE_ENSURE}); reluish: the same with {@code 3/32768f} in place of the output scale.
 * Both zero points as they are.
 *
 * <p>Input and output int8 of the same shape; float32 HARD_SWISH (which TFLM also runs) is refused
 * as an unsupported type. Refused beyond TFLM: a reluish exponent above 31 (an input scale above
 * about 2.5e7), where TFLM's {@code SaturatingLeftShift} would shift an int by 31 or more.
 */
public final class HardSwishPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("HARD_SWISH", 117, Bridge.eval(HardSwish.class, 0),
                    "int8; int16 fixed point as TFLM (int16 multipliers from DownScaleInt32ToInt16Multiplier)")
            .withOptions("HardSwishOptions")
            .withInPlace(InPlaceKind.UNARY);

    /** TFLM's {@code reluish_scale}: 3.0f / 32768.0f. */
    private static final float RELUISH_SCALE = 3.0f / 32768.0f;

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        Int8Operand.Unary u = Int8Operand.unary(ctx);
        Quantization qi = u.qi();
        Quantization qo = u.qo();
        float hiresInputScale = (1.0f / 128.0f) * qi.scale0();
        QuantizedMultiplier output = QuantizedMultiplier.of((double) (hiresInputScale / qo.scale0()));
        if (output.shift() > 0) {
            throw new PrepareException(ctx.where() + ": input scale " + qi.scale0() + " / 128 over output scale "
                    + qo.scale0() + " of " + u.out().describe() + " is 1 or more (multiplier exponent "
                    + output.shift() + "); TFLM's HardSwishPrepare requires an exponent of at most 0");
        }
        QuantizedMultiplier reluish = QuantizedMultiplier.of((double) (hiresInputScale / RELUISH_SCALE));
        if (reluish.shift() > 31) {
            throw new PrepareException(ctx.where() + ": input scale " + qi.scale0() + " of " + u.in().describe()
                    + " is too large for HARD_SWISH's reluish multiplier (exponent " + reluish.shift() + ")");
        }
        ParamBlock b = ParamBlock.of(HardSwish.P_SIZE)
                .set(HardSwish.P_COUNT, u.in().flatSize())
                .set(HardSwish.P_INPUT_ZERO_POINT, qi.zeroPoint0())
                .set(HardSwish.P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                .set(HardSwish.P_OUTPUT_MULTIPLIER, downScaleToInt16(output.multiplier()))
                .set(HardSwish.P_OUTPUT_EXPONENT, output.shift())
                .set(HardSwish.P_RELUISH_MULTIPLIER, downScaleToInt16(reluish.multiplier()))
                .set(HardSwish.P_RELUISH_EXPONENT, reluish.shift());
        return new PreparedOp(b.bytes(), u.out().shape().clone(), 0);
    }

    /**
     * TFLM's {@code DownScaleInt32ToInt16Multiplier} ({@code kernels/internal/common.h}): the Q31
     * multiplier rounded to Q15, {@code (m + 2^15) >> 16}, saturated at 32767.
     */
    static int downScaleToInt16(int multiplier) {
        final int roundingOffset = 1 << 15;
        if (multiplier >= Integer.MAX_VALUE - roundingOffset) {
            return Short.MAX_VALUE;
        }
        return (multiplier + roundingOffset) >> 16;
    }
}
