package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.SoftmaxInt16;
import java.util.Map;

/**
 * SOFTMAX's int16 variant (int16 in, int16 out; kernel {@code dev.tinyj.runtime.kernels.SoftmaxInt16}),
 * prepared as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/softmax_common.cc}
 * ({@code SoftmaxPrepare}, {@code InitializeLutForInt16}, {@code CalculateSoftmaxParams}) does for
 * an int16 input:
 * <ol>
 * <li>one input of at least one dimension; int16 input and output of one shape (an int16 input
 *     with an int8 output fails TFLM's type check);</li>
 * <li>input and output zero points 0; output scale within 0.001/32768 of 1/32768 (float);</li>
 * <li>{@code QuantizeMultiplier((double) input_scale · (double) beta / (10.0 / 65535.0))}: the
 *     input difference rescaled so that [−65535, 0] spans [−10, 0];</li>
 * <li>the exp table {@code LUTPopulate<int16_t>(10/65535, 32767, 2/65535, 0, exp)} and the
 *     1/(1+x) table {@code LUTPopulate<int16_t>(1/65535, −32768, 2/65535, 0, 1/(1+x))}
 *     ({@link Int16Lut}), written into the parameter block (two int16 entries per int32 field,
 *     little-endian) where TFLM allocates them in the arena.</li>
 * </ol>
 */
public final class SoftmaxInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new SoftmaxPrepare().spec(), Bridge.eval(SoftmaxInt16.class, 0),
            "int16; exp and 1/(1+x) lookup tables built at prepare, in the parameter block; output scale 1/32768, "
                    + "zero point 0", Map.of());

    /** {@code std::numeric_limits<int16_t>::max() - min()}, as {@code InitializeLutForInt16}'s {@code range}. */
    private static final int RANGE = 65535;

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != 1) {
            throw new PrepareException(ctx.where() + ": expected 1 input, got " + ctx.inputs().size());
        }
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        Quantization qi = Int16Operand.require(ctx, input, "input");
        Quantization qo = Int16Operand.require(ctx, output, "output");
        Int8Operand.sameShape(ctx, input, output);
        if (input.shape().length < 1) {
            throw new PrepareException(ctx.where() + ": " + input.describe() + " needs at least one dimension");
        }
        float target = 1.0f / 32768;
        float delta = qo.scale0() > target ? qo.scale0() - target : target - qo.scale0();
        if (qi.zeroPoint0() != 0 || qo.zeroPoint0() != 0 || delta > 0.001f * 1.0f / 32768) {
            throw new PrepareException(ctx.where() + ": input " + input.describe() + " zero point "
                    + qi.zeroPoint0() + ", output " + output.describe() + " scale " + qo.scale0() + " zero point "
                    + qo.zeroPoint0() + "; int16 SOFTMAX needs zero points 0 and output scale 1/32768");
        }
        float beta = ctx.options().real("beta", 1.0f);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) qi.scale0() * (double) beta / (10.0 / 65535.0));
        short[] exp = Int16Lut.populate(10.0f / RANGE, 32767, 2.0f / RANGE, 0, Int16Lut.EXP);
        short[] oneOver = Int16Lut.populate(1.0f / RANGE, -32768, 2.0f / RANGE, 0, Int16Lut.ONE_OVER_ONE_PLUS_X);
        int depth = input.dim(-1);
        ParamBlock block = ParamBlock.of(SoftmaxInt16.P_SIZE)
                .set(SoftmaxInt16.P_OUTER_SIZE, input.flatSize() / depth).set(SoftmaxInt16.P_DEPTH, depth)
                .set(SoftmaxInt16.P_INPUT_MULTIPLIER, m.multiplier())
                .set(SoftmaxInt16.P_INPUT_LEFT_SHIFT, m.shift())
                .setAll(SoftmaxInt16.P_EXP_LUT, packed(exp))
                .setAll(SoftmaxInt16.P_ONE_OVER_ONE_PLUS_X_LUT, packed(oneOver));
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }

    /** The table as int32 fields, two entries each (entry 2k in the low half), the last half zero. */
    private static int[] packed(short[] lut) {
        int[] fields = new int[SoftmaxInt16.LUT_BYTES / 4];
        for (int k = 0; k < lut.length; k++) {
            fields[k / 2] |= (lut[k] & 0xFFFF) << (16 * (k % 2));
        }
        return fields;
    }
}
