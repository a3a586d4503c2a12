package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.LogSoftmax;

/**
 * Host prepare of int8 LOG_SOFTMAX (kernel {@link LogSoftmax}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/log_softmax.cc}
 * {@code CalculateOpData}: one input, input and output int8 of the same shape (float32, which TFLM
 * also runs: "unsupported type"), at least one dimension, output scale exactly 16/256 and zero
 * point 127; then {@code PreprocessLogSoftmaxScalingExp(1.0, (double) input_scale, 5, ...)}
 * ({@link #preprocessLogSoftmaxScalingExp}) and
 * {@code diff_min = −CalculateInputRadius(5, input_left_shift, 31)}; rows are the last dimension.
 */
public final class LogSoftmaxPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("LOG_SOFTMAX", 50, Bridge.eval(LogSoftmax.class, 0),
                    "int8; fixed-point exp and log (no LUT); output scale 16/256, zero point 127")
            .withOptions("LogSoftmaxOptions")
            .withPanic(LogSoftmax.PANIC_SUM_OVERFLOW,
                    "row %d: the Q12.19 sum of exps overflows int32 (4096 or more values near the row's maximum;"
                            + " undefined in TFLM)");

    /** TFLM's {@code kOutputScale}: 16.0 / 256 as a float. */
    private static final float OUTPUT_SCALE = (float) (16.0 / 256);
    /** TFLM's {@code kOutputZeroPoint}. */
    private static final int OUTPUT_ZERO_POINT = 127;

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    /**
     * The scaling {@code PreprocessLogSoftmaxScalingExp} gives.
     *
     * @param input Q31 multiplier and left shift of {@code beta · input_scale · 2^(31 − bits)}
     * @param reverse the reverse scaling divisor and its shift (≤ 0)
     */
    record Scaling(QuantizedMultiplier input, QuantizedMultiplier reverse) {
    }

    /**
     * TFLM's {@code PreprocessLogSoftmaxScalingExp} ({@code kernels/internal/quantization_util.cc}):
     * the input multiplier and left shift of {@code PreprocessSoftmaxScaling}, and
     * {@code QuantizeMultiplierSmallerThanOneExp((1 << (31 − left_shift)) / (double) multiplier)},
     * the reverse scaling divisor and its (non-positive) shift.
     *
     * @throws PrepareException where TFLM's {@code TFLITE_CHECK}s abort
     */
    static Scaling preprocessLogSoftmaxScalingExp(double beta, double inputScale, int inputIntegerBits)
            throws PrepareException {
        QuantizedMultiplier input = NonlinearScaling.preprocessSoftmaxScaling(beta, inputScale, inputIntegerBits);
        double reverse = (double) (1 << (31 - input.shift())) / (double) input.multiplier();
        if (!(reverse < 1.0) || !(reverse > 0.0)) {
            throw new PrepareException("reverse scaling divisor " + reverse
                    + " is outside (0, 1) (TFLM's QuantizeMultiplierSmallerThanOneExp requires it)");
        }
        QuantizedMultiplier r = QuantizedMultiplier.of(reverse);
        if (r.shift() > 0) {
            throw new PrepareException("reverse scaling shift " + r.shift() + " is positive");
        }
        return new Scaling(input, r);
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = NonlinearUnary.checkInt8Unary(ctx);
        TensorInfo output = ctx.output();
        if (input.shape().length < 1) {
            throw new PrepareException(ctx.where() + ": " + input.describe() + " needs at least one dimension");
        }
        if (output.quantization().scale0() != OUTPUT_SCALE || output.quantization().zeroPoint0() != OUTPUT_ZERO_POINT) {
            throw new PrepareException(ctx.where() + ": output " + output.describe() + " has scale "
                    + output.quantization().scale0() + " and zero point " + output.quantization().zeroPoint0()
                    + "; int8 LOG_SOFTMAX needs scale 16/256 and zero point 127");
        }
        Scaling m;
        try {
            m = preprocessLogSoftmaxScalingExp(1.0, (double) input.quantization().scale0(),
                    LogSoftmax.INPUT_INTEGER_BITS);
        } catch (PrepareException e) {
            throw new PrepareException(ctx.where() + ": " + e.getMessage());
        }
        int diffMin = -NonlinearScaling.calculateInputRadius(LogSoftmax.INPUT_INTEGER_BITS, m.input().shift(), 31);
        int depth = input.dim(-1);
        int outerSize = depth == 0 ? 0 : input.flatSize() / depth;
        ParamBlock block = ParamBlock.of(LogSoftmax.P_SIZE)
                .set(LogSoftmax.P_OUTER_SIZE, outerSize).set(LogSoftmax.P_DEPTH, depth)
                .set(LogSoftmax.P_INPUT_MULTIPLIER, m.input().multiplier())
                .set(LogSoftmax.P_INPUT_LEFT_SHIFT, m.input().shift())
                .set(LogSoftmax.P_REVERSE_SCALING_DIVISOR, m.reverse().multiplier())
                .set(LogSoftmax.P_REVERSE_SCALING_RIGHT_SHIFT, -m.reverse().shift())
                .set(LogSoftmax.P_DIFF_MIN, diffMin);
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }
}
