package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Softmax;
import java.util.Arrays;

/**
 * Host prepare of int8 SOFTMAX, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/softmax_common.cc} ({@code SoftmaxPrepare}, {@code CalculateSoftmaxParams}):
 * at least one dimension; int8 in, int8 or int16 out (an int16 input, float: "unsupported type");
 * an int8 output with zero point −128 and scale exactly 1/256, an int16 output with zero point
 * −32768 and a scale within 0.001/65536 of 1/65536 ({@code TF_LITE_ENSURE_NEAR} in float); then
 * {@code PreprocessSoftmaxScaling(beta, input_scale, 5)} and
 * {@code diff_min = −CalculateInputRadius(5, left_shift, 31)}.
 */
public final class SoftmaxPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("SOFTMAX", 25, Bridge.eval(Softmax.class, 0),
                    "int8 input; fixed-point exp path (no LUT); int8 output (scale 1/256, zero point -128) or"
                    + " int16 output (scale 1/65536, zero point -32768)")
            .withOptions("SoftmaxOptions", OptionField.of(0, "beta", Kind.FLOAT, "0.0"))
            .withPanic(Softmax.PANIC_SUM_TOO_LARGE,
                    "row %d sums to 512 or more in exp terms (TFLM aborts on TFLITE_CHECK(exponent <= 31))");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo output = ctx.output();
        boolean int16Out = output.type() == DType.INT16 && ctx.inputs().size() == 1
                && ctx.input(0).type() == DType.INT8;
        TensorInfo input = int16Out ? int16Output(ctx) : NonlinearUnary.checkInt8Unary(ctx);
        if (input.shape().length < 1) {
            throw new PrepareException(ctx.where() + ": " + input.describe() + " needs at least one dimension");
        }
        if (int16Out) {
            float scale = output.quantization().scale0();
            float delta = scale > 1.0f / 65536 ? scale - 1.0f / 65536 : 1.0f / 65536 - scale;
            if (output.quantization().zeroPoint0() != -32768 || delta > 0.001f * 1.0f / 65536) {
                throw new PrepareException(ctx.where() + ": output " + output.describe() + " has scale " + scale
                        + " and zero point " + output.quantization().zeroPoint0()
                        + "; SOFTMAX to int16 needs scale 1/65536 and zero point -32768");
            }
        } else if (output.quantization().zeroPoint0() != -128 || output.quantization().scale0() != 1.0f / 256) {
            throw new PrepareException(ctx.where() + ": output " + output.describe() + " has scale "
                    + output.quantization().scale0() + " and zero point " + output.quantization().zeroPoint0()
                    + "; int8 SOFTMAX needs scale 1/256 and zero point -128");
        }
        float beta = ctx.options().real("beta", 1.0f);
        QuantizedMultiplier m;
        try {
            m = NonlinearScaling.preprocessSoftmaxScaling(beta, input.quantization().scale0(),
                    Softmax.SCALED_DIFF_INTEGER_BITS);
        } catch (PrepareException e) {
            throw new PrepareException(ctx.where() + ": " + e.getMessage());
        }
        int diffMin = (int) (-1.0 * NonlinearScaling.calculateInputRadius(Softmax.SCALED_DIFF_INTEGER_BITS,
                m.shift(), 31));
        int depth = input.dim(-1);
        int outerSize = depth == 0 ? 0 : input.flatSize() / depth;
        ParamBlock block = ParamBlock.of(Softmax.P_BYTES)
                .set(Softmax.P_OUTER_SIZE, outerSize).set(Softmax.P_DEPTH, depth)
                .set(Softmax.P_INPUT_MULTIPLIER, m.multiplier()).set(Softmax.P_INPUT_LEFT_SHIFT, m.shift())
                .set(Softmax.P_DIFF_MIN, diffMin).set(Softmax.P_OUTPUT_INT16, int16Out ? 1 : 0);
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }

    /** The int8 input of an int16-output SOFTMAX: quantized input and output, the same shape. */
    private static TensorInfo int16Output(OpContext ctx) throws PrepareException {
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        if (input.quantization() == null || output.quantization() == null) {
            throw new PrepareException(ctx.where() + ": " + (input.quantization() == null ? input : output).describe()
                    + " has no quantization parameters");
        }
        if (!Arrays.equals(input.shape(), output.shape())) {
            throw new PrepareException(ctx.where() + ": output " + output.describe() + " does not have the shape of "
                    + input.describe());
        }
        return input;
    }
}
