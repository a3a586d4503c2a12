package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Logistic;

/**
 * Host prepare of int8 LOGISTIC, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/logistic_common.cc} ({@code CalculateArithmeticOpDataLogistic}): int8 in and
 * out, output zero point −128 (the output scale is not checked: the kernel always produces steps
 * of 2^−8), then the shared Q4.27 input rescale ({@link NonlinearUnary#sigmoidQ4}).
 */
public final class LogisticPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("LOGISTIC", 14, Bridge.eval(Logistic.class, 0),
                    "int8; gemmlowp Q4.27 logistic, multiplier from raw frexp; output zero point -128")
            .withInPlace(InPlaceKind.UNARY);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

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
