package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.LogSoftmaxFloat;

/**
 * LOG_SOFTMAX, float32 type variant (kernel {@link LogSoftmaxFloat}): TFLM's
 * {@code LogSoftmaxPrepare} ({@code micro/kernels/log_softmax.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) for {@code kTfLiteFloat32}: one input of at least one
 * dimension, float32 input and output of one shape (TFLM's {@code MatchingFlatSizeSkipDim} and
 * {@code MatchingDim}); no parameters beyond the row count and length. Its outputs are within
 * {@value LogSoftmaxFloat#ULPS_FROM_TFLM} ULP of TFLM's x86-64 outputs ({@link #outputUlpsFromTflm}),
 * not bit-exact: TFLM calls the C library's exp and log.
 */
public final class LogSoftmaxFloatPrepare implements OpDeclaration {
    private static final OpSpec SPEC = FloatVariants.of(new LogSoftmaxPrepare().spec(), LogSoftmaxFloat.class,
            "exp and log in float arithmetic, outputs within " + LogSoftmaxFloat.ULPS_FROM_TFLM
                    + " ULP of TFLM's x86-64 ones, which use glibc's expf and logf");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public int outputUlpsFromTflm() {
        return LogSoftmaxFloat.ULPS_FROM_TFLM;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = SoftmaxFloatPrepare.rowsInput(ctx);
        int depth = input.dim(-1);
        ParamBlock block = ParamBlock.of(LogSoftmaxFloat.P_SIZE)
                .set(LogSoftmaxFloat.P_OUTER_SIZE, depth == 0 ? 0 : input.flatSize() / depth)
                .set(LogSoftmaxFloat.P_DEPTH, depth);
        return new PreparedOp(block.bytes(), input.shape().clone(), 0);
    }
}
