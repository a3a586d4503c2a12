package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.SoftmaxFloat;
import java.util.Arrays;

/**
 * SOFTMAX, float32 type variant (kernel {@link SoftmaxFloat}): TFLM's {@code SoftmaxPrepare} /
 * {@code CalculateSoftmaxParams} ({@code micro/kernels/softmax_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) for {@code kTfLiteFloat32}: one input of at least one
 * dimension, float32 input and output (here also of one shape: TFLM's kernel only DCHECKs it), and
 * {@code beta} as a float. Its outputs are within {@value SoftmaxFloat#ULPS_FROM_TFLM} ULP of TFLM's
 * x86-64 outputs ({@link #outputUlpsFromTflm}), not bit-exact: TFLM calls the C library's exp.
 */
public final class SoftmaxFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new SoftmaxPrepare().spec(), SoftmaxFloat.class,
            "exp in float arithmetic, outputs within " + SoftmaxFloat.ULPS_FROM_TFLM
                    + " ULP of TFLM's x86-64 ones, which use glibc's expf");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public int outputUlpsFromTflm() {
        return SoftmaxFloat.ULPS_FROM_TFLM;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = rowsInput(ctx);
        int depth = input.dim(-1);
        ParamBlock block = ParamBlock.of(SoftmaxFloat.P_SIZE)
                .set(SoftmaxFloat.P_OUTER_SIZE, depth == 0 ? 0 : input.flatSize() / depth)
                .set(SoftmaxFloat.P_DEPTH, depth)
                .setFloat(SoftmaxFloat.P_BETA, ctx.options().real("beta", 1.0f));
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }

    /**
     * The checks float SOFTMAX and LOG_SOFTMAX share: one input of at least one dimension, float32
     * input and output of one shape; returns the input (rows along its last dimension).
     */
    static TensorInfo rowsInput(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != 1) {
            throw new PrepareException(ctx.where() + ": expected 1 input, got " + ctx.inputs().size());
        }
        TensorInfo input = FloatOperand.require(ctx, ctx.input(0), "input");
        TensorInfo output = FloatOperand.require(ctx, ctx.output(), "output");
        if (input.shape().length < 1) {
            throw new PrepareException(ctx.where() + ": " + input.describe() + " needs at least one dimension");
        }
        if (!Arrays.equals(input.shape(), output.shape())) {
            throw new PrepareException(ctx.where() + ": output " + output.describe() + " does not have the shape of "
                    + input.describe());
        }
        return input;
    }
}
