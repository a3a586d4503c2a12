package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.SigmoidQ4;
import java.util.Arrays;

/**
 * Prepare steps shared by the elementwise fixed-point ops SOFTMAX, LOGISTIC and TANH: the
 * one-input int8-to-int8 checks, and the Q4.27 input rescale LOGISTIC and TANH compute alike
 * ({@code CalculateArithmeticOpDataLogistic} in {@code micro/kernels/logistic_common.cc},
 * {@code CalculateArithmeticOpData} in {@code micro/kernels/tanh.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424).
 */
final class NonlinearUnary {
    private NonlinearUnary() {
    }

    /**
     * One input, int8 input and output (anything else: "unsupported type"), and an output shape
     * equal to the input's.
     *
     * @return the input tensor
     */
    static TensorInfo checkInt8Unary(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != 1) {
            throw new PrepareException(ctx.where() + ": expected 1 input, got " + ctx.inputs().size());
        }
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        if (input.type() != DType.INT8) {
            throw PrepareException.unsupportedType(ctx.where(), input, "input", "int8");
        }
        if (output.type() != DType.INT8) {
            throw PrepareException.unsupportedType(ctx.where(), output, "output", "int8");
        }
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

    /**
     * LOGISTIC/TANH: {@code input_scale · 2^27} through raw {@code frexp} to a multiplier and left
     * shift, the saturation radius {@code CalculateInputRadius(4, left_shift, 31)}, and the input
     * zero point, in {@link SigmoidQ4}'s layout.
     */
    static PreparedOp sigmoidQ4(OpContext ctx, TensorInfo input) throws PrepareException {
        double real = (double) input.quantization().scale0() * (double) (1 << (31 - SigmoidQ4.INPUT_INTEGER_BITS));
        QuantizedMultiplier m = NonlinearScaling.frexpMultiplier(real);
        if (m.shift() < 0 || m.shift() > 62) {
            throw new PrepareException(ctx.where() + ": input scale " + input.quantization().scale0() + " of "
                    + input.describe() + " is outside the range TFLM's Q4.27 rescale handles");
        }
        int radius = NonlinearScaling.calculateInputRadius(SigmoidQ4.INPUT_INTEGER_BITS, m.shift(), 31);
        ParamBlock block = ParamBlock.of(SigmoidQ4.P_BYTES)
                .set(SigmoidQ4.P_SIZE, input.flatSize())
                .set(SigmoidQ4.P_INPUT_ZERO_POINT, input.quantization().zeroPoint0())
                .set(SigmoidQ4.P_INPUT_RANGE_RADIUS, radius)
                .set(SigmoidQ4.P_INPUT_MULTIPLIER, m.multiplier())
                .set(SigmoidQ4.P_INPUT_LEFT_SHIFT, m.shift());
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }
}
