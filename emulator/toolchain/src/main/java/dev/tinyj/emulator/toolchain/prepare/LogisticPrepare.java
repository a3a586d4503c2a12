package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Host prepare of int8 LOGISTIC, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/logistic_common.cc} ({@code CalculateArithmeticOpDataLogistic}): int8 in and
 * out, output zero point −128 (the output scale is not checked: the kernel always produces steps
 * of 2^−8), then the shared Q4.27 input rescale ({@link NonlinearUnary#sigmoidQ4}).
 */
public final class LogisticPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = NonlinearUnary.checkInt8Unary(ctx);
        TensorInfo output = ctx.output();
        if (output.quantization().zeroPoint0() != -128) {
            throw new PrepareException(ctx.where() + ": output " + output.describe() + " has zero point "
                    + output.quantization().zeroPoint0() + "; int8 LOGISTIC needs -128");
        }
        return NonlinearUnary.sigmoidQ4(ctx, input);
    }
}
