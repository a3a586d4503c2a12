package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Tanh;
/**
 * Host prepare of int8 TANH, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/tanh.cc} ({@code TanhPrepare}, {@code CalculateArithmeticOpData}): int8 in
 * and out, then the shared Q4.27 input rescale ({@link NonlinearUnary#sigmoidQ4}). Like TFLM it
 * checks neither the output scale nor the output zero point (the kernel always produces steps of
 * 2^−7 around 0).
 */
public final class TanhPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("TANH", 28, Bridge.eval(Tanh.class, 0), "int8; gemmlowp Q4.27 tanh, multiplier from raw frexp")
            .withInPlace(InPlaceKind.UNARY);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return NonlinearUnary.sigmoidQ4(ctx, NonlinearUnary.checkInt8Unary(ctx));
    }
}
